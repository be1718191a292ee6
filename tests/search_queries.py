"""What practitioners type into the search box, in their own words, and the pages that answer each query.

Questions, partial phrases, plural and past-tense forms, abbreviations and common misspellings. Any one of
a query's targets counts as an answer: a provision is found on its permanent page or in a chapter (its
anchor); a tree or source by its page. Used by tests/test_search_browser.py and benchmarks/search_recall.py.
"""

from __future__ import annotations


def provision(provision_id: str) -> tuple[str, ...]:
    """A provision is found if its permanent page or its block on any chapter page is among the results."""
    return (f"provisions/{provision_id}/", f"#{provision_id}")


def glossary(term_id: str) -> tuple[str, ...]:
    """A term's entry in the glossary: the definition answers a query that is only the abbreviation."""
    return (f"glossary/#{term_id}",)


def tree(tree_id: str) -> tuple[str, ...]:
    """A decision tree's page."""
    return (f"trees/{tree_id}/",)


NATURAL_QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # Questions
    ("what do I do if a child is in danger", provision("immediate-danger-call-999") + tree("worried-about-a-child")),
    ("what should I do if I am worried about a child", tree("worried-about-a-child")),
    ("will I hear back after making a referral", provision("feedback-to-referrer")),
    # The rebuilt tree's referral-decision step gives the one working day too (and its calculator).
    (
        "how long does a social worker have to decide on a referral",
        provision("referral-decision-one-working-day") + tree("worried-about-a-child"),
    ),
    ("how long does an assessment take", provision("assessment-timescale")),
    ("when should a child protection conference be held", provision("conference-within-15-working-days")),
    ("when is a serious case review needed", provision("scr-when-held") + tree("deciding-on-a-serious-case-review")),
    ("who manages allegations against staff", provision("designated-officer-qualifications")),
    ("what happens when a child dies", tree("child-death") + provision("child-death-overview-panel")),
    ("who reviews child deaths", provision("child-death-overview-panel")),
    ("do I need to see the child on their own", provision("child-seen-alone")),
    ("can I share information without consent", provision("information-sharing")),
    ("what goes in the LSCB annual report", provision("lscb-annual-report")),
    ("who chairs the LSCB", provision("lscb-chair")),
    ("when do I refer to children's social care", provision("refer-concerns-about-harm")),
    ("what is a threshold document", provision("threshold-document")),
    ("what does seriously harmed mean", provision("seriously-harmed-definition")),
    ("what counts as an unexpected death", provision("unexpected-child-death-definition")),
    (
        "how do I notify Ofsted of a serious incident",
        provision("notify-serious-incidents") + tree("notifying-a-serious-incident"),
    ),
    ("who should be trained in safeguarding", provision("workforce-training-responsibilities")),
    ("are schools covered by the guidance", provision("schools-apply-the-guidance")),
    ("what if professionals disagree", provision("lscb-resolving-professional-disagreements")),
    ("who is the guidance for", provision("who-the-guidance-is-for")),
    ("is the serious case review published", provision("scr-publication")),
    # Partial phrases, as typed before the query is finished
    ("child died unexpectedly", provision("unexpected-child-death-definition") + tree("child-death")),
    ("trafficked child", provision("child-trafficking")),
    ("immediate danger", provision("immediate-danger-call-999")),
    ("allegation against a teacher", tree("allegation-against-someone-who-works-with-children")),
    (
        "teacher accused of abuse",
        tree("allegation-against-someone-who-works-with-children") + provision("designated-officer-qualifications"),
    ),
    (
        "worried about a parent with mental health problems",
        tree("adult-services-worried-about-a-parent") + provision("adult-services-referral"),
    ),
    ("parent drinking", tree("adult-services-worried-about-a-parent") + provision("adult-services-referral")),
    ("child going home from care", provision("children-returning-home-from-care")),
    ("child with a life limiting illness died", provision("deaths-of-children-with-life-limiting-illnesses")),
    ("death in a secure children's home", provision("secure-childrens-homes-deaths")),
    ("child from abroad", provision("foreign-national-children")),
    ("radicalisation", provision("channel-panels")),
    ("sex offender disclosure", provision("child-sex-offender-disclosure")),
    ("recording a referral", provision("referral-recorded")),
    ("early help", provision("early-help")),
    ("GP responsibilities", provision("health-organisations-responsibilities")),
    ("health visitor", provision("integrated-frontline-delivery") + provision("health-organisations-responsibilities")),
    ("independent reviewer", provision("scr-independent-chair-and-author")),
    ("police protection", provision("immediate-protection-powers") + tree("worried-about-a-child")),
    ("referra", provision("refer-concerns-about-harm") + provision("referral-decision-one-working-day")),
    ("safeguard", provision("section-11-duty")),
    # Plural and past-tense forms
    (
        "allegations against teachers",
        tree("allegation-against-someone-who-works-with-children") + provision("designated-officer-qualifications"),
    ),
    ("referrals", provision("lscb-monitors-referrals") + provision("referral-decision-one-working-day")),
    ("children who died", tree("child-death") + provision("child-death-overview-panel")),
    ("young carers", provision("young-carers-and-parent-carers")),
    ("lay members", provision("lscb-lay-members")),
    ("parents attending panel meetings", provision("parents-do-not-attend-cdop")),
    ("children trafficked into the UK", provision("child-trafficking")),
    ("staff supervised", provision("supervision")),
    ("assessed within 45 days", provision("assessment-timescale")),
    ("executive summaries", provision("scr-executive-summary-contents") + provision("scr-executive-summary")),
    # Abbreviations
    ("LADO", glossary("lado") + provision("designated-officer-qualifications")),
    ("CDOP", glossary("cdop") + provision("child-death-overview-panel")),
    ("SCR", glossary("scr") + provision("scr-when-held") + tree("deciding-on-a-serious-case-review")),
    ("CAF", glossary("caf") + provision("common-assessment-framework")),
    ("MAPPA", glossary("mappa") + provision("managing-people-who-pose-a-risk")),
    ("SEN", glossary("sen") + provision("special-educational-needs")),
    ("DCS", glossary("dcs") + provision("dcs-senior-manager-with-safeguarding-experience")),
    # Common misspellings
    ("refferal", provision("refer-concerns-about-harm") + provision("referral-decision-one-working-day")),
    ("safegaurding training", provision("workforce-training-responsibilities") + provision("multi-agency-training")),
    ("whistle blowing", provision("whistleblowing-policies")),
    ("trafficing", provision("child-trafficking")),
    ("superviser", provision("supervision")),
]


def rank(results: list, targets: tuple[str, ...]) -> int | None:
    """The place (from 1) of the first result that answers: a target page, a target section, or a target anchor."""
    for place, result in enumerate(results, start=1):
        for target in targets:
            if result.page == target or target in result.locations:
                return place
            if target.startswith("#") and any(location.endswith(target) for location in result.locations):
                return place
    return None
