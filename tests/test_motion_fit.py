"""The model that weighs the evidence for each of a member's moties against a description."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE
from assistant.motion_fit import LEAD_CLIP, Evidence, FitModel, fit, lead_in_meaning
from assistant.question import parse_question
from assistant.retrieve import Filters
from tests.test_subjects import TODAY, jansens_moties, unit

PARAPHRASE = Evidence(
    share=0.4,
    share_gap=0.0,
    missing=1,
    absent=False,
    missing_weight=0.3,
    heavier_missing=False,
    dense=0.62,
    dense_gap=0.0,
    meaning=0.78,
    lead=0.12,
    first_in_meaning=True,
    rank=0,
    bm25_ratio=1.0,
)
NEIGHBOUR = replace(
    PARAPHRASE,
    share=0.6,
    missing=1,
    heavier_missing=True,
    meaning=0.7,
    lead=-0.05,
    first_in_meaning=False,
    rank=1,
    bm25_ratio=0.8,
)


def test_the_vector_clips_the_lead_and_grows_slowly_with_the_rank() -> None:
    far = replace(PARAPHRASE, lead=0.9, rank=19).vector()
    assert far[9] == LEAD_CLIP
    assert far[11] == pytest.approx(math.log(20))
    assert replace(PARAPHRASE, lead=-0.9).vector()[9] == -LEAD_CLIP
    assert len(far) == len(PARAPHRASE.vector()) == 13


def test_the_fitted_model_tells_what_its_examples_tell_apart() -> None:
    """Right moties lead in meaning and miss no heavy word; neighbours share more words but
    another motie of the member comes closer: the model learns which counts."""
    rows, labels = [], []
    for n in range(40):
        wobble = (n % 5) * 0.01
        rows.append(replace(PARAPHRASE, lead=0.1 + wobble, share=0.4 + wobble).vector())
        labels.append(True)
        rows.append(replace(NEIGHBOUR, lead=-0.04 - wobble, share=0.6 - wobble).vector())
        labels.append(False)
    model = fit(rows, labels)
    assert model.probability(PARAPHRASE) > 0.9
    assert model.probability(NEIGHBOUR) < 0.1


def test_the_lead_in_meaning_is_over_the_members_next_subject(tmp_path: Path) -> None:
    answerer, embedder = jansens_moties(tmp_path)
    question = parse_question("Is de motie van Jansen over vakantieparken aangenomen?", TODAY)
    moties = Filters(types=(MOTIE, GEWIJZIGDE_MOTIE))
    embedder.query = unit(0.9, 0.3, 0, 0)
    closest = answerer._closest(question, moties)
    parks, panels = 0.9 / math.sqrt(0.9), 0.3 / math.sqrt(0.9)
    # the gewijzigde version is the same subject, not the next one
    assert lead_in_meaning(closest, "kst-1-1") == pytest.approx(parks - panels, abs=1e-5)
    assert lead_in_meaning(closest, "kst-1-4") == pytest.approx(parks - panels, abs=1e-5)
    assert lead_in_meaning(closest, "kst-1-2") == pytest.approx(panels - parks, abs=1e-5)
    assert lead_in_meaning(closest, "kst-9-9") == 0.0  # no vector: nothing to compare
    assert lead_in_meaning(None, "kst-1-1") == 0.0


def test_a_chance_far_from_the_threshold_is_no_overflow() -> None:
    certain = FitModel((0.0,) * 13, (1.0,) * 13, (1000.0,) + (0.0,) * 12, 0.0)
    assert certain.probability(PARAPHRASE) == 1.0
    assert certain.probability(replace(PARAPHRASE, share=-0.9)) == 0.0
