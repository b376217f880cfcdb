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
