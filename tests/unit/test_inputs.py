"""Input vetting: every bad input becomes a one-line InputError."""
import pytest

from coach.inputs import MAX_CHARS, InputError, check_text, decode, read_input


@pytest.mark.parametrize("text", ["", "   \n\t ", None, 42])
def test_unusable_text(text):
    with pytest.raises(InputError):
        check_text(text)


def test_too_long_text_names_the_limit():
    with pytest.raises(InputError, match=f"{MAX_CHARS:,}"):
        check_text("word " * (MAX_CHARS // 4))


def test_control_characters_look_binary():
    with pytest.raises(InputError, match="binary"):
        check_text("abc\x00def")


def test_decode_reports_the_bad_byte():
    with pytest.raises(InputError, match="not valid UTF-8 \\(byte 3\\)"):
        decode(b"abc\xff", "f.txt")
    assert decode("\ufeffhello".encode("utf-8"), "f") == "hello"


def test_read_input_paths(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="directory"):
        read_input(str(tmp_path))
    p = tmp_path / "d.txt"
    p.write_text("I failed Step 1.", encoding="utf-8")
    assert read_input(str(p)) == "I failed Step 1."


def test_messages_are_one_line(tmp_path):
    for data in (b"", b"\x00\x01\x02", b"\xff\xfe\xfa", b"x" * (MAX_CHARS * 5)):
        p = tmp_path / "f.bin"
        p.write_bytes(data)
        with pytest.raises(InputError) as e:
            read_input(str(p))
        assert "\n" not in str(e.value)
