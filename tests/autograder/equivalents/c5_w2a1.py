"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
cosine_similarity = None


@equivalents('cosine_similarity', 'np.linalg.norm and the @ operator')
def cosine_similarity(u, v):
    return (u @ v) / (np.linalg.norm(u) * np.linalg.norm(v))


@equivalents('cosine_similarity', 'a Python loop over the entries, '
             'dividing twice')
def cosine_similarity(u, v):  # noqa: F811
    dot, uu, vv = 0.0, 0.0, 0.0
    for x, y in zip(u, v):
        dot += x * y
        uu += x * x
        vv += y * y
    return float(dot / np.sqrt(uu) / np.sqrt(vv))


@equivalents('cosine_similarity', 'normalise both vectors first')
def cosine_similarity(u, v):  # noqa: F811
    u_hat = u / np.sqrt(np.dot(u, u))
    v_hat = v / np.sqrt(np.dot(v, v))
    return np.sum(u_hat * v_hat)


@equivalents('complete_analogy', 'one matrix of every candidate, argmax')
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):
    a, b, c = (w.lower() for w in (word_a, word_b, word_c))
    candidates = [w for w in word_to_vec_map if w not in (a, b, c)]
    E = np.array([word_to_vec_map[w] for w in candidates])  # (k, n)
    step = word_to_vec_map[b] - word_to_vec_map[a]
    diffs = E - word_to_vec_map[c]
    scores = diffs @ step / (np.linalg.norm(diffs, axis=1)
                             * np.linalg.norm(step))
    return candidates[int(np.argmax(scores))]


@equivalents('complete_analogy', 'max() over the words with a key, '
             'the course-style list of inputs')
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):  # noqa: F811
    word_a, word_b, word_c = [w.lower() for w in [word_a, word_b, word_c]]
    e_a = word_to_vec_map[word_a]
    e_b = word_to_vec_map[word_b]
    e_c = word_to_vec_map[word_c]
    others = [w for w in word_to_vec_map.keys()
              if w not in [word_a, word_b, word_c]]
    return max(others, key=lambda w: cosine_similarity(
        e_b - e_a, word_to_vec_map[w] - e_c))


@equivalents('complete_analogy', 'a loop starting from the first '
             'candidate instead of -inf')
def complete_analogy(word_a, word_b, word_c, word_to_vec_map):  # noqa: F811
    inputs = [word_a.lower(), word_b.lower(), word_c.lower()]
    e_a, e_b, e_c = [word_to_vec_map[w] for w in inputs]
    best_word, best = None, None
    for word in word_to_vec_map:
        if word in inputs:
            continue
        sim = cosine_similarity(e_b - e_a, word_to_vec_map[word] - e_c)
        if best is None or sim > best:
            best_word, best = word, sim
    return best_word
