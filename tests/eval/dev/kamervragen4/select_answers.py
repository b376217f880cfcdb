"""Selection of three new batches of real Kamervraag answers (5 December 2026), made before any
of them was labelled or run through the project's code:

  tests/eval/dev/kamervragen4/   DEV  (labelled to tune commitment extraction on)
  tests/eval/test/kamervragen5/  TEST (labelled blind, never tuned on)
  tests/eval/test/kamervragen6/  TEST (labelled blind, never tuned on)

The pools are those of tests/eval/test/select_answers.py (batch 4), unchanged: answers of at
most 2,500 characters, whitespace-collapsed duplicates dropped, rows of the earlier sets left
out. The strong and medium promise-cue pools are empty, so each batch takes 60 answers from what
is left of the weak-cue pool and 10 from the no-cue pool, in one seeded shuffle of each pool.
Without arguments it prints the chosen rows; with --write it writes each folder's
kamervragen_answers.jsonl (never over an existing file). Same result each time it runs.
Plain python3 only (csv, json, random, re)."""
import csv
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, '..', '..')
BATCH4 = os.path.join(EVAL, 'test', 'select_answers.py')
TARGETS = [os.path.join(EVAL, 'dev', 'kamervragen4'), os.path.join(EVAL, 'test', 'kamervragen5'),
           os.path.join(EVAL, 'test', 'kamervragen6')]
N_WEAK, N_RANDOM = 60, 10


def batch4_pools():
    """The pools of batch 4, computed by its own script (its prints are silenced)."""
    spec = importlib.util.spec_from_file_location('batch4', BATCH4)
    module = importlib.util.module_from_spec(spec)
    saved_argv, saved_stdout = sys.argv, sys.stdout
    sys.argv, sys.stdout = [BATCH4], open(os.devnull, 'w')
    try:
        spec.loader.exec_module(module)
    finally:
        sys.stdout.close()
        sys.argv, sys.stdout = saved_argv, saved_stdout
    used = {r[0] for r in module.chosen_w + module.chosen_r}
    weak = [r for r in module.pool_w if r[0] not in used]
    other = [r for r in module.pool_o if r[0] not in used]
    return weak, other


weak, other = batch4_pools()
rng = random.Random(20261205)
rng.shuffle(weak)
rng.shuffle(other)
batches = []
for i, folder in enumerate(TARGETS):
    chosen = weak[i * N_WEAK:(i + 1) * N_WEAK] + other[i * N_RANDOM:(i + 1) * N_RANDOM]
    batches.append((folder, chosen))
print('weak-cue pool left:', len(weak), 'no-cue pool left:', len(other))
for folder, chosen in batches:
    print(os.path.relpath(folder, EVAL), 'rows (%d):' % len(chosen), [r[0] for r in chosen])
if '--write' in sys.argv:
    for folder, chosen in batches:
        out = os.path.join(folder, 'kamervragen_answers.jsonl')
        assert not os.path.exists(out), out + ' exists'
        with open(out, 'w', encoding='utf-8') as f:
            for r in chosen:
                f.write(json.dumps({'row': r[0], 'question': r[2], 'answer': r[3]},
                                   ensure_ascii=False) + '\n')
