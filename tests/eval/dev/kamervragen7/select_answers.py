"""Selection of the DEV batch kamervragen7 (5 December 2026): the rest of the weak-cue pool.

Same pools and the same seeded shuffle as tests/eval/dev/kamervragen4/select_answers.py, which
gave 60 weak-cue and 10 no-cue answers to each of dev/kamervragen4, test/kamervragen5 and
test/kamervragen6. This batch takes the 47 weak-cue answers left after those three and the next
10 no-cue answers. Without arguments it prints the chosen rows; with --write it writes
kamervragen_answers.jsonl (never over an existing file). Same result each time it runs."""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST = os.path.join(HERE, '..', 'kamervragen4', 'select_answers.py')

spec = importlib.util.spec_from_file_location('first_draw', FIRST)
first = importlib.util.module_from_spec(spec)
saved_argv, saved_stdout = sys.argv, sys.stdout
sys.argv, sys.stdout = [FIRST], open(os.devnull, 'w')
try:
    spec.loader.exec_module(first)
finally:
    sys.stdout.close()
    sys.argv, sys.stdout = saved_argv, saved_stdout
taken = 3 * first.N_WEAK
chosen = first.weak[taken:] + first.other[3 * first.N_RANDOM:4 * first.N_RANDOM]
print('rows (%d):' % len(chosen), [r[0] for r in chosen])
if '--write' in sys.argv:
    out = os.path.join(HERE, 'kamervragen_answers.jsonl')
    assert not os.path.exists(out), out + ' exists'
    with open(out, 'w', encoding='utf-8') as f:
        for r in chosen:
            f.write(json.dumps({'row': r[0], 'question': r[2], 'answer': r[3]},
                               ensure_ascii=False) + '\n')
