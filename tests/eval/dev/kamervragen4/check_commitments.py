"""Checks for the commitment DEV set kamervragen4 (the DEV batch of the three drawn on 5 December
2026). Run from anywhere: python3 check_commitments.py"""
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
EARLIER = [os.path.join(EVAL, 'dev', d, 'kamervragen_answers.jsonl')
           for d in ('kamervragen', 'kamervragen2', 'kamervragen3')]
EARLIER.append(os.path.join(EVAL, 'test', 'kamervragen_answers.jsonl'))   # test batch 4
N_WEAK, N_RANDOM = 60, 10
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
# the rows are those select_answers.py chooses for this folder, in the same order (its prints are
# silenced; only this folder's batch is used)
spec = importlib.util.spec_from_file_location('select4', os.path.join(HERE, 'select_answers.py'))
sel = importlib.util.module_from_spec(spec)
saved_argv, sys.argv = sys.argv, [os.path.join(HERE, 'select_answers.py')]
try:
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(sel)
finally:
    sys.argv = saved_argv
folder, chosen = sel.batches[0]
assert os.path.realpath(folder) == os.path.realpath(HERE), folder
assert [r[0] for r in chosen] == [a['row'] for a in answers], 'rows differ from select_answers.py'
# no overlap with the earlier sets (dev kamervragen, kamervragen2, kamervragen3, test batch 4)
earlier = [json.loads(l) for p in EARLIER for l in open(p, encoding='utf-8')]
e_rows = {a['row'] for a in earlier}; e_texts = {norm(a['answer']) for a in earlier}
assert len(e_rows) == 125 + 75 + 51 + 60, len(e_rows)
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
