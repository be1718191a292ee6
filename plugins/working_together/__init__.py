"""Working Together guidance site: YAML guidance in, checked and rendered MkDocs pages out.

The pipeline is load → check → render → publish; each step is a plain package
that can be used and tested without MkDocs.
"""
