"""Every review item the converter writes says what happens to the data, or to the run, if nobody acts on it
(issue 12), not only what to do: checked on the review comments of the golden outputs."""

from __future__ import annotations

import re
from pathlib import Path

CASES = Path(__file__).parent / "cases"
REVIEW = re.compile(r"# g2l: review (G2L\d+): (.*)")
# How a review text states its consequence: what the converted code does ("as converted"), what the code left as
# it was does on Databricks ("as written"), or the effect itself. Advice alone ("convert it by hand", "check the
# Unity Catalog name") has none of these.
CONSEQUENCES = (
    "as converted",
    "as written",
    "fails",
    "stops",
    "the same data",
    "the data is the same",
    "no new data",
    "every run",
)


def states_consequence(text: str) -> bool:
    return any(words in text for words in CONSEQUENCES)


def golden_reviews() -> dict[tuple[str, str], str]:
    """(rule, text) -> the first golden output holding it; a review comment its input had already is not one the
    converter wrote."""
    found: dict[tuple[str, str], str] = {}
    for output in sorted(CASES.glob("*/*.out.py")):
        source = output.with_name(output.name.replace(".out.py", ".in.py"))
        given = set(REVIEW.findall(source.read_text(encoding="utf-8")))
        for item in REVIEW.findall(output.read_text(encoding="utf-8")):
            if item not in given:
                found.setdefault(item, str(output.relative_to(CASES)))
    return found


def test_the_golden_outputs_have_review_items() -> None:
    assert len(golden_reviews()) > 150


def test_every_review_text_states_its_consequence() -> None:
    silent = [
        f"{case}: {rule}: {text}" for (rule, text), case in golden_reviews().items() if not states_consequence(text)
    ]
    assert silent == []


def test_advice_alone_is_no_consequence() -> None:
    # two texts the converter wrote before issue 12: what to do, not what happens
    assert not states_consequence("mergeDynamicFrame options have no DataFrame meaning: check them")
    assert not states_consequence(
        'catalog_id "123456789012" named another account\'s Glue catalog: check the Unity Catalog name'
    )
    assert not states_consequence('format "grokLog" has no Spark reader here: convert this read by hand')
    assert states_consequence(
        'format "grokLog" has no Spark reader here: convert this read by hand: left as written, it fails on '
        "Databricks (no GlueContext there), so the job stops here"
    )
