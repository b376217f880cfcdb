"""Checks for the commitment DEV set kamervragen7 (5 December 2026: the rest of the weak-cue pool
after dev/kamervragen4, test/kamervragen5 and test/kamervragen6, plus 10 no-cue answers).
Run from anywhere: python3 check_commitments.py"""
import collections
import contextlib
import csv
import importlib.util
import io
import json
import os
import sys
csv.field_size_limit(10**9)
sys.dont_write_bytecode = True   # running select_answers.py must not leave __pycache__ folders
HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, '..', '..')
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
EARLIER = {os.path.join('dev', 'kamervragen'): 125, os.path.join('dev', 'kamervragen2'): 75,
           os.path.join('dev', 'kamervragen3'): 51, os.path.join('dev', 'kamervragen4'): 70,
           'test': 60,   # test batch 4
           os.path.join('test', 'kamervragen5'): 70, os.path.join('test', 'kamervragen6'): 70}
N_WEAK, N_RANDOM = 47, 10
N = N_WEAK + N_RANDOM
src = {r[0]: r for r in list(csv.reader(open(SRC, encoding='utf-8')))[1:]}
answers = [json.loads(l) for l in open(os.path.join(HERE, 'kamervragen_answers.jsonl'), encoding='utf-8')]
sents = [json.loads(l) for l in open(os.path.join(HERE, 'commitment_sentences.jsonl'), encoding='utf-8')]
norm = lambda t: ' '.join(t.split())
ok = True
# N distinct rows: the weak-cue answers first, then the no-cue (random) answers
assert len(answers) == N and len({a['row'] for a in answers}) == N
assert all(set(a) == {'row', 'question', 'answer'} for a in answers)
assert all(set(s) == {'row', 'sentence', 'commitment', 'kind', 'note'} for s in sents)
# the rows are those select_answers.py chooses, in the same order (its print is silenced; it is
# run without --write, so it writes nothing)
spec = importlib.util.spec_from_file_location('select7', os.path.join(HERE, 'select_answers.py'))
sel = importlib.util.module_from_spec(spec)
saved_argv, sys.argv = sys.argv, [os.path.join(HERE, 'select_answers.py')]
try:
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(sel)
finally:
    sys.argv = saved_argv
assert [r[0] for r in sel.chosen] == [a['row'] for a in answers], 'rows differ from select_answers.py'
weak_rows = {r[0] for r in sel.first.weak}; other_rows = {r[0] for r in sel.first.other}
assert all(a['row'] in weak_rows for a in answers[:N_WEAK]), 'first part must be weak-cue'
assert all(a['row'] in other_rows for a in answers[N_WEAK:]), 'second part must be no-cue'
# no overlap with the earlier sets, by row or by collapsed answer text
e_rows, e_texts = set(), set()
for d, n in EARLIER.items():
    rows = [json.loads(l) for l in open(os.path.join(EVAL, d, 'kamervragen_answers.jsonl'), encoding='utf-8')]
    assert len(rows) == n, (d, len(rows))
    e_rows |= {a['row'] for a in rows}; e_texts |= {norm(a['answer']) for a in rows}
assert len(e_rows) == sum(EARLIER.values()), len(e_rows)
assert not e_rows & {a['row'] for a in answers}, 'overlap with earlier rows'
assert not e_texts & {norm(a['answer']) for a in answers}, 'overlap with earlier answer texts'
# answers and questions are verbatim copies of the CSV; length and distinct texts as selected
for a in answers:
    r = src[a['row']]
    assert a['answer'] == r[3] and a['question'] == r[2], a['row']
    assert len(a['answer']) <= 2500, a['row']
assert len({norm(a['answer']) for a in answers}) == N, 'duplicate answer texts'
coll = {a['row']: norm(a['answer']) for a in answers}
order = [a['row'] for a in answers]
pos = {}
for s in sents:
    assert isinstance(s['commitment'], bool) and isinstance(s['note'], str), s
    assert (s['kind'] is None) == (s['commitment'] is False), s
    assert s['kind'] in (None, 'gedaan', 'vermeld', 'nakoming'), s
    assert s['sentence'] == s['sentence'].strip() and s['sentence'], s
    assert s['sentence'] == norm(s['sentence']), s
    t = coll[s['row']]
    if s['sentence'] not in t:
        ok = False; print('NOT VERBATIM', s['row'], s['sentence'][:80])
    elif t.count(s['sentence']) != 1:
        ok = False; print('NOT UNIQUE (occurs %d times)' % t.count(s['sentence']), s['row'], s['sentence'][:60])
    p = t.find(s['sentence'], pos.get(s['row'], 0))   # answer order
    if p < 0:
        ok = False; print('OUT OF ORDER', s['row'], s['sentence'][:60])
    else:
        pos[s['row']] = p + len(s['sentence'])
rows_in = [s['row'] for s in sents]
assert set(rows_in) == set(order), 'every chosen answer must have sentences'
assert [r for i, r in enumerate(rows_in) if i == 0 or rows_in[i-1] != r] == order, 'answer order'
# coverage: the sentences, laid end to end in order, rebuild the whole collapsed answer
for r in order:
    t = coll[r]
    joined = ' '.join(x['sentence'] for x in sents if x['row'] == r)
    if joined != t:
        rest = t
        for s in (x['sentence'] for x in sents if x['row'] == r):
            rest = rest.replace(s, '', 1)
        ok = False; print('UNCOVERED TEXT', r, repr(rest.strip()[:80]))
def report(name, A, S):
    c = collections.Counter(s['kind'] for s in S)
    bl = collections.Counter((s['commitment'], s['note'].startswith('borderline:')) for s in S)
    bk = collections.Counter(s['kind'] for s in S if s['commitment'] and s['note'].startswith('borderline:'))
    print(name, 'answers', len(A), 'sentences', len(S), 'kinds', dict(c))
    print('  borderline positives', bl[(True, True)], dict(bk), 'borderline negatives', bl[(False, True)])
    print('  answers with a positive', len({s['row'] for s in S if s['commitment']}))
parts = [('weak-cue:', order[:N_WEAK]), ('random:', order[N_WEAK:])]
for name, rs in parts:
    rs = set(rs)
    report(name, [a for a in answers if a['row'] in rs], [s for s in sents if s['row'] in rs])
report('total:', answers, sents)
print('OK' if ok else 'FAILED')
