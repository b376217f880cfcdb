"""How well one of a member's moties fits a description of it ("de motie van Kops om geen extra
belasting op vlees in te voeren"): a logistic model over the evidence the search and the meaning
comparison give for each of the member's moties the search returns.

No single piece of evidence tells a paraphrase from a neighbouring subject: a paraphrase shares
few words and a neighbour shares many, a neighbour may come as close in meaning. Together they
tell more, or so it seemed: `bench/fit_motion_model.py` fits the model on the DEV questions and
prints how it does on each DEV question file when fitted on the others, next to the rules'
answers. Measured on the store of all of ../shared/data (session 28), it did worse than the rules
at every threshold, so the answers do not use it; the evidence and the bench stay as the measure
for any further feature (README, "Eighteenth round").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.ask_motions import Closest, first_in_meaning
from assistant.relevance import Coverage, Relevance
from assistant.retrieve import Passage

# Rare words of the subject a motie lacks are counted up to this many.
MISSING_COUNTED = 3
# The lead in meaning over the member's next subject is clipped to this either way.
LEAD_CLIP = 0.2


@dataclass(frozen=True)
class Evidence:
    """What speaks for one candidate motie: coverage of the question's subject, the search, and
    the meaning of its subject line next to the member's other moties."""

    share: float  # covered share of the subject's weight
    share_gap: float  # ... minus the most any candidate covers (0 or less)
    missing: int  # rare words of the subject it lacks (at most MISSING_COUNTED)
    absent: bool  # one of those is in no text at all
    missing_weight: float  # the heaviest of those, as a share of the subject's weight
    heavier_missing: bool  # it weighs at least as much as the heaviest word it holds
    dense: float  # cosine similarity of the passage to the question
    dense_gap: float  # ... minus the highest among the candidates (0 or less)
    meaning: float  # similarity of its subject line to the question's subject
    lead: float  # ... minus the closest of the member's moties on another subject
    first_in_meaning: bool  # no motie of the member on another subject comes closer
    rank: int  # its place in the search (0 first)
    bm25_ratio: float  # its BM25 score over the highest among the candidates

    def vector(self) -> list[float]:
        """The features in field order; the lead clipped, the rank on a log scale."""
        return [
            self.share,
            self.share_gap,
            float(self.missing),
            float(self.absent),
            self.missing_weight,
            float(self.heavier_missing),
            self.dense,
            self.dense_gap,
            self.meaning,
            max(min(self.lead, LEAD_CLIP), -LEAD_CLIP),
            float(self.first_in_meaning),
            math.log1p(self.rank),
            self.bm25_ratio,
        ]


def evidence(
    judge: Relevance, scored: list[tuple[Coverage, Passage]], closest: Closest | None
) -> list[Evidence]:
    """What speaks for each of the member's moties the search found (`MotionAnswers._scored`),
    in the search's order; `closest`: the member's moties by meaning (`MotionAnswers._closest`)."""
    most_share = max((c.share for c, _ in scored), default=0.0)
    most_dense = max((p.dense or 0.0 for _, p in scored), default=0.0)
    most_bm25 = max((p.bm25 or 0.0 for _, p in scored), default=0.0) or 1.0
    found = []
    for rank, (coverage, passage) in enumerate(scored):
        weights = {s: judge.weight(s) for s in (*coverage.covered, *coverage.missing)}
        total = sum(weights.values()) or 1.0
        lacking = coverage.missing_distinctive
        heaviest_missing = max((weights.get(s, 0.0) for s in lacking), default=0.0)
        heaviest_held = max((weights[s] for s in coverage.covered), default=0.0)
        dense = passage.dense or 0.0
        meaning = closest.similarity_of(passage.doc_id) if closest else None
        found.append(
            Evidence(
                share=coverage.share,
                share_gap=coverage.share - most_share,
                missing=min(len(lacking), MISSING_COUNTED),
                absent=any(judge.absent(s) for s in lacking),
                missing_weight=heaviest_missing / total,
                heavier_missing=bool(lacking) and heaviest_missing >= heaviest_held,
                dense=dense,
                dense_gap=dense - most_dense,
                meaning=dense if meaning is None else meaning,
                lead=lead_in_meaning(closest, passage.doc_id),
                first_in_meaning=first_in_meaning(closest, passage.doc_id),
                rank=rank,
                bm25_ratio=(passage.bm25 or 0.0) / most_bm25,
            )
        )
    return found


def lead_in_meaning(closest: Closest | None, doc_id: str) -> float:
    """How much closer in meaning the motie's subject comes to the question's than the member's
    closest motie on another subject (negative when that one comes closer); 0 when there is
    nothing to compare."""
    mine = closest.similarity_of(doc_id) if closest else None
    if closest is None or mine is None:
        return 0.0
    subject = closest.subjects[doc_id]
    other = next((n for n in closest.order if closest.subjects[closest.ids[n]] != subject), None)
    return 0.0 if other is None else mine - float(closest.similarity[other])


@dataclass(frozen=True)
class FitModel:
    """Standardised logistic regression: features minus `mean`, over `scale`, times `weights`."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, evidence: Evidence) -> float:
        columns = zip(evidence.vector(), self.mean, self.scale, self.weights, strict=True)
        z = sum(w * (x - m) / s for x, m, s, w in columns) + self.bias
        # the logistic function, without overflow far from zero either way
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def fit(
    rows: Sequence[Sequence[float]], labels: Sequence[bool], l2: float = 1.0, steps: int = 3000
) -> FitModel:
    """Logistic regression by gradient descent, the two classes weighed equally (a description
    has one right motie among up to twenty)."""
    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    positive = min(max(float(y.mean()), 1e-6), 1 - 1e-6)
    balance = np.where(y > 0, 0.5 / positive, 0.5 / (1 - positive))
    weights, bias = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ weights + bias)))
        error = (p - y) * balance
        weights -= 0.1 * (z.T @ error + l2 * weights) / len(y)
        bias -= 0.1 * float(error.mean())
    return FitModel(
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in weights),
        bias,
    )
