"""Checks for the blind commitment TEST set test/kamervragen5 (batch 5).
Run from anywhere: python3 check_commitments.py
Adapted from tests/eval/test/check_commitments.py (batch 4). Plain python3 only."""
import csv, json, collections, os, subprocess, sys, ast
csv.field_size_limit(10**9)
HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, '..', '..')
SRC = '/work/shared/data/kamervragen-antwoorden/vragen-antwoorden.csv'
SELECT = os.path.join(EVAL, 'dev', 'kamervragen4', 'select_answers.py')   # made this batch too
ME = 'test/kamervragen5'
# every other Kamervragen set from the same CSV: no row and no answer text may be shared
OTHERS = [os.path.join(EVAL, 'dev', d, 'kamervragen_answers.jsonl')
          for d in ('kamervragen', 'kamervragen2', 'kamervragen3', 'kamervragen4')] + \
         [os.path.join(EVAL, 'test', 'kamervragen_answers.jsonl'),
          os.path.join(EVAL, 'test', 'kamervragen6', 'kamervragen_answers.jsonl')]
N_WEAK, N_RANDOM = 60, 10
N = N_WEAK + N_RANDOM
src = {r[0]: r for r in list(csv.reader(open(SRC, encoding='utf-8')))[1:]}
answers = [json.loads(l) for l in open(os.path.join(HERE, 'kamervragen_answers.jsonl'), encoding='utf-8')]
sents = [json.loads(l) for l in open(os.path.join(HERE, 'commitment_sentences.jsonl'), encoding='utf-8')]
norm = lambda t: ' '.join(t.split())
ok = True
# N distinct rows: weak-cue first, then no-cue (random)
assert len(answers) == N and len({a['row'] for a in answers}) == N
assert all(set(a) == {'row', 'question', 'answer'} for a in answers)
assert all(set(s) == {'row', 'sentence', 'commitment', 'kind', 'note'} for s in sents)
# no overlap with the other sets (dev kamervragen 1-4, test batch 4, test kamervragen6)
other = [json.loads(l) for p in OTHERS for l in open(p, encoding='utf-8')]
other_rows = {a['row'] for a in other}; other_texts = {norm(a['answer']) for a in other}
assert len(other_rows) == 251 + 70 + 60 + 70, len(other_rows)
assert not other_rows & {a['row'] for a in answers}, 'overlap with other sets (rows)'
assert not other_texts & {norm(a['answer']) for a in answers}, 'overlap with other sets (answer texts)'
# answers and questions are verbatim copies of the CSV; length and distinct texts as selected
for a in answers:
    r = src[a['row']]
    assert a['answer'] == r[3] and a['question'] == r[2], a['row']
    assert len(a['answer']) <= 2500, a['row']
assert len({norm(a['answer']) for a in answers}) == N, 'duplicate answer texts'
# the selection script, run again, gives the same rows in the same order
outp = subprocess.run([sys.executable, SELECT], capture_output=True, text=True, check=True).stdout
lines = {l.split(' rows (')[0]: ast.literal_eval(l.split(': ', 1)[1]) for l in outp.splitlines() if ' rows (' in l}
assert lines[ME] == [a['row'] for a in answers], 'selection differs'
coll = {a['row']: norm(a['answer']) for a in answers}
order = [a['row'] for a in answers]
pos = {}
for s in sents:
    assert isinstance(s['commitment'], bool) and isinstance(s['note'], str), s
    assert (s['kind'] is None) == (s['commitment'] is False), s
    assert s['kind'] in (None, 'gedaan', 'vermeld', 'nakoming'), s
    assert s['sentence'] == s['sentence'].strip() and s['sentence'], s
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
# coverage: the labelled sentences cover the whole collapsed answer (only spaces left over)
for r in order:
    t = coll[r]
    for s in (x['sentence'] for x in sents if x['row'] == r):
        t = t.replace(s, '', 1)
    if t.strip():
        ok = False; print('UNCOVERED TEXT', r, repr(t[:80]))
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
