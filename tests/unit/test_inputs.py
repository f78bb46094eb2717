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


# -- read_text_file: the one reader every front end uses ------------------------------

import os  # noqa: E402

from coach.inputs import MAX_BYTES, read_limited_bytes, read_text_file  # noqa: E402


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_without_reading(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} missing")
    with pytest.raises(InputError, match="device"):
        read_text_file(device)


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        read_text_file(fifo)  # would block forever if opened blocking and read


def test_directory_and_socket_are_refused(tmp_path):
    import socket

    with pytest.raises(InputError, match="directory"):
        read_text_file(tmp_path)
    sock_path = tmp_path / "s"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(sock_path))
        with pytest.raises(InputError, match="socket|no such"):
            read_text_file(sock_path)
    finally:
        s.close()


def test_sparse_huge_file_reads_only_limit_plus_one(tmp_path, monkeypatch):
    """The size check must not trust st_size: count what is actually read."""
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(50 * MAX_BYTES)  # sparse: st_size says 20 MB
    real_read, seen = os.read, []

    def counting_read(fd, n):
        data = real_read(fd, n)
        seen.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    assert len(read_limited_bytes(p)) == MAX_BYTES + 1
    assert sum(seen) == MAX_BYTES + 1
    with pytest.raises(InputError, match="too large"):
        read_text_file(p)


def test_symlinks(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("I failed Step 1 and retook it.", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_text_file(link) == "I failed Step 1 and retook it."
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(InputError, match="symbolic link loop"):
        read_text_file(a)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        read_text_file(dangling)


@pytest.mark.parametrize("enc,name", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_wide_unicode_with_bom_is_named(tmp_path, enc, name):
    p = tmp_path / "w.txt"
    data = "I failed Step 1.".encode(enc)
    if enc == "utf-16-be":
        data = b"\xfe\xff" + data
    p.write_bytes(data)
    with pytest.raises(InputError, match=f"{name} text; save it as UTF-8"):
        read_text_file(p)


def test_empty_and_what(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="the MSPE excerpt is empty"):
        read_text_file(p, what="the MSPE excerpt")
    assert read_text_file(p, allow_empty=True) == ""


def test_path_with_control_characters_is_shown_visibly(tmp_path):
    p = tmp_path / "evil\x1b]0;pwned\x07.txt"
    with pytest.raises(InputError) as e:
        read_text_file(p)
    assert "\x1b" not in str(e.value) and "\x07" not in str(e.value) and "␛" in str(e.value)


def test_permission_denied(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads anything")
    p = tmp_path / "locked.txt"
    p.write_text("text", encoding="utf-8")
    p.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_text_file(p)
