"""Load: YAML files and source documents into typed objects that remember their positions."""

from .corpus import load_corpus

__all__ = ["load_corpus"]
