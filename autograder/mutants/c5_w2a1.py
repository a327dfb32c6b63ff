"""Realistic learner bugs for C5_W2A1, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell. The most common bug of each function is
``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

COS = 'cosine_similarity = dot / (norm_u * norm_v)'
edit('cosine_similarity', 'the division by the two lengths is missing: '
     'cos = u . v / (||u|| ||v||)', {COS: 'cosine_similarity = dot'},
     public=True)
edit('cosine_similarity', 'the lengths are squared: ||u|| is the square '
     'root of sum(u * u)',
     {'norm_u = np.sqrt(np.sum(u * u))': 'norm_u = np.sum(u * u)',
      'norm_v = np.sqrt(np.sum(v * v))': 'norm_v = np.sum(v * v)'})
edit('cosine_similarity', 'dot / norm_u * norm_v multiplies by ||v||: put '
     'the product of the lengths in parentheses',
     {COS: 'cosine_similarity = dot / norm_u * norm_v'})
edit('cosine_similarity', 'divided by ||u|| twice: the second length is '
     "v's", {COS: 'cosine_similarity = dot / (norm_u * norm_u)'})
edit('cosine_similarity', 'u * v is the element-wise product; the dot '
     'product sums it (np.dot(u, v))', {'dot = np.dot(u, v)': 'dot = u * v'})

SIM = 'similarity = cosine_similarity(e_b - e_a, e_w - e_c)'
SKIP = ('        if w in inputs:  # never answer with one of the three '
        'words\n            continue\n')
edit('complete_analogy', 'an input word can be returned: skip word_a, '
     'word_b and word_c in the loop', {SKIP: ''}, public=True)
edit('complete_analogy', 'only word_c is skipped; word_a and word_b must '
     'never be the answer either',
     {'inputs = {word_a, word_b, word_c}': 'inputs = {word_c}'})
edit('complete_analogy', 'the words are not lower-cased: GloVe holds lower '
     'case words, turn the three inputs into lower case first',
     {'    word_a, word_b, word_c = word_a.lower(), word_b.lower(), '
      'word_c.lower()\n': ''})
edit('complete_analogy', 'the running best starts at 0, so when every '
     'similarity is negative no word is chosen: start at -np.inf',
     {'best_word, max_cosine_sim = None, -np.inf':
      'best_word, max_cosine_sim = None, 0'})
edit('complete_analogy', 'e_c is not subtracted: compare e_b - e_a with '
     'e_w - e_c', {SIM: 'similarity = cosine_similarity(e_b - e_a, e_w)'})
edit('complete_analogy', 'the dot product is not a cosine: longer vectors '
     'win — use cosine_similarity',
     {SIM: 'similarity = np.dot(e_b - e_a, e_w - e_c)'})
edit('complete_analogy', 'the step is reversed: e_b - e_a (from a to b), '
     'not e_a - e_b', {SIM: 'similarity = cosine_similarity(e_a - e_b, '
                            'e_w - e_c)'})
edit('complete_analogy', 'the candidate is measured from e_a: the step '
     'to compare is e_w - e_c, from the third word',
     {SIM: 'similarity = cosine_similarity(e_b - e_a, e_w - e_a)'})
