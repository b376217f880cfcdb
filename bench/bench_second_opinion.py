"""How much the configured LLM's second opinion adds to the rules, on exhaustively labelled sets.

    export KAMER_LLM_BACKEND=llamacpp KAMER_LLM_PATH=/path/to/model.gguf
    LABELS=tests/fixtures/commitments
    .venv/bin/python bench/bench_second_opinion.py $LABELS/dev2/dev2.jsonl

For every document of the given label files it runs the rules and `second_opinion` (the model
reads the document in windows and lists commitment sentences; only verbatim lines count) and
prints precision and recall of the rules alone, of the model alone (its confirmed and proposed
sentences) and of the rules plus the model's proposals. Nothing is stored. It is slow with a
local model on CPU (one to three minutes per document here): pass one label file at a time, or
`--skip` the long debates.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from assistant.evaluate import labelled_by_doc, load_questions, precision_recall, score_sentences
from assistant.llm import llm_from_settings
from assistant.llm.commitments import second_opinion
from assistant.settings import load_settings
from ingest.commitments import extract_commitments
from ingest.detect import choose_reader, default_readers

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path, nargs="+", help="exhaustively labelled JSONL files")
    parser.add_argument("--skip", action="append", default=[], help="skip documents with this")
    args = parser.parse_args()
    llm = llm_from_settings(load_settings())
    if llm is None:
        raise SystemExit("Geen LLM ingesteld (KAMER_LLM_BACKEND); zie de README.")
    readers = default_readers()
    totals = {"regels": [0, 0, 0], "model": [0, 0, 0], "regels + model": [0, 0, 0]}
    for labels in args.labels:
        for doc_name, labelled in labelled_by_doc(load_questions(labels)).items():
            if any(part in doc_name for part in args.skip):
                continue
            path = ROOT / doc_name
            (doc,) = choose_reader(path, readers).read(path)
            rules = [s for c in extract_commitments(doc) for s in (c.sentence, *c.details)]
            started = time.perf_counter()
            opinion = second_opinion(llm, doc, rules)
            print(
                f"{doc_name}: {time.perf_counter() - started:.0f} s, model confirms "
                f"{len(opinion.confirmed)}, proposes {len(opinion.proposed)}, "
                f"{len(opinion.unquoted)} lines not verbatim (ignored)",
                flush=True,
            )
            runs = {
                "regels": rules,
                "model": opinion.confirmed + opinion.proposed,
                "regels + model": rules + opinion.proposed,
            }
            for name, extracted in runs.items():
                for i, n in enumerate(score_sentences(labelled, extracted, exhaustive=True)):
                    totals[name][i] += n
    print(f"LLM: {llm.name}")
    for name, counts in totals.items():
        figures = precision_recall(*counts)
        print(f"{name:15} precisie {figures['precision']:.3f}  recall {figures['recall']:.3f}")


if __name__ == "__main__":
    main()
