"""Device/HQ key pairs: public form, fingerprints, password sealing."""

from __future__ import annotations

import base64
import json
import unicodedata

import pytest
from cryptography.exceptions import InvalidSignature

from survey_app.core.domain.errors import ValidationError
from survey_app.core.sync import keys


@pytest.fixture(scope="module")
def pair() -> keys.KeyPair:
    return keys.generate()


@pytest.fixture(scope="module")
def sealed(pair: keys.KeyPair) -> bytes:
    return keys.seal(pair, "正确的密码abc")


def test_public_keys_are_raw_32_bytes_and_fingerprint_is_short_hex(pair: keys.KeyPair) -> None:
    public = pair.public()
    assert len(base64.b64decode(public.signing_b64)) == 32
    assert len(base64.b64decode(public.encryption_b64)) == 32
    assert len(pair.fingerprint) == 16 and int(pair.fingerprint, 16) >= 0
    assert pair.fingerprint == public.fingerprint == keys.load_public(public.signing_b64, public.encryption_b64).fingerprint
    assert keys.generate().fingerprint != pair.fingerprint
    assert pair.fingerprint in repr(pair) and public.signing_b64 not in repr(pair)


def test_fingerprint_covers_both_keys(pair: keys.KeyPair) -> None:
    other = keys.generate().public()
    mixed = keys.PublicKeys(pair.public().signing_b64, other.encryption_b64)
    assert mixed.fingerprint not in {pair.fingerprint, other.fingerprint}


def test_seal_unseal_round_trip(pair: keys.KeyPair, sealed: bytes) -> None:
    opened = keys.unseal(sealed, "正确的密码abc")
    assert opened.public() == pair.public()
    pair.signing.public_key().verify(opened.signing.sign(b"m"), b"m")
    assert opened.encryption.exchange(pair.encryption.public_key()) == pair.encryption.exchange(
        pair.encryption.public_key())


def test_sealed_file_holds_no_private_key(pair: keys.KeyPair, sealed: bytes) -> None:
    from cryptography.hazmat.primitives import serialization

    raw = pair.signing.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                     serialization.NoEncryption())
    assert raw not in sealed and base64.b64encode(raw) not in sealed
    assert keys.sealed_public(sealed) == pair.public()


@pytest.mark.real_kdf_cost
def test_sealing_twice_uses_fresh_salt_and_nonce(pair: keys.KeyPair, sealed: bytes) -> None:
    again = json.loads(keys.seal(pair, "正确的密码abc"))
    first = json.loads(sealed)
    assert again["kdf"]["salt"] != first["kdf"]["salt"] and again["nonce"] != first["nonce"]
    assert first["kdf"] == first["kdf"] | {"name": "scrypt", "n": 2**15, "r": 8, "p": 1}


def test_wrong_password_is_refused_in_chinese(sealed: bytes) -> None:
    with pytest.raises(ValidationError, match="^密码错误，无法解开设备密钥$"):
        keys.unseal(sealed, "错误的密码abc")


def test_short_password_is_refused(pair: keys.KeyPair) -> None:
    with pytest.raises(ValidationError, match="至少需要 8 个字符") as e:
        keys.seal(pair, "1234567")
    assert e.value.field == "password"
    keys.seal(pair, "12345678")  # eight is enough


def test_password_is_unicode_normalised(pair: keys.KeyPair) -> None:
    composed = "密码Café-2026"
    blob = keys.seal(pair, composed)
    assert keys.unseal(blob, unicodedata.normalize("NFD", composed)).public() == pair.public()


@pytest.mark.parametrize("edit", [
    lambda e: e["kdf"].update(n=2**14),
    lambda e: e["public"].update(signing=keys.generate().public().signing_b64),
    lambda e: e.update(nonce=base64.b64encode(b"\0" * 12).decode()),
    lambda e: e.update(ciphertext=base64.b64encode(b"\0" * 80).decode()),
], ids=["kdf-cost", "public-key", "nonce", "ciphertext"])
def test_edited_envelope_does_not_unseal(sealed: bytes, edit) -> None:
    envelope = json.loads(sealed)
    edit(envelope)
    with pytest.raises(ValidationError):
        keys.unseal(json.dumps(envelope).encode(), "正确的密码abc")


@pytest.mark.parametrize("blob", [b"", b"not json", b"[]", b'{"format":"x"}', "密钥".encode("gbk"),
                                  b'{"format":"survey_app.sealed_keys","version":1}'])
def test_garbage_is_a_damaged_key_file(blob: bytes) -> None:
    with pytest.raises(ValidationError, match="设备密钥文件已损坏"):
        keys.unseal(blob, "whatever-password")


def test_absurd_kdf_cost_is_refused_before_running_scrypt(sealed: bytes) -> None:
    envelope = json.loads(sealed)
    envelope["kdf"]["n"] = 2**30  # would need 128 GiB; must not even be attempted
    with pytest.raises(ValidationError, match="设备密钥文件已损坏"):
        keys.unseal(json.dumps(envelope).encode(), "正确的密码abc")


def test_future_version_is_named(sealed: bytes) -> None:
    envelope = json.loads(sealed) | {"version": 2}
    with pytest.raises(ValidationError, match="格式版本不支持"):
        keys.unseal(json.dumps(envelope).encode(), "正确的密码abc")


@pytest.mark.parametrize("sign,enc", [("!!!", "AAAA"), (base64.b64encode(b"x" * 31).decode(), None),
                                      (None, base64.b64encode(b"x" * 33).decode())])
def test_load_public_refuses_bad_keys(pair: keys.KeyPair, sign: str | None, enc: str | None) -> None:
    public = pair.public()
    with pytest.raises(ValidationError, match="公钥格式错误"):
        keys.load_public(sign or public.signing_b64, enc or public.encryption_b64)


def test_unsealed_key_signs_for_the_same_public_key_only(pair: keys.KeyPair, sealed: bytes) -> None:
    other = keys.generate()
    signature = keys.unseal(sealed, "正确的密码abc").signing.sign(b"receipt")
    with pytest.raises(InvalidSignature):
        other.signing.public_key().verify(signature, b"receipt")
