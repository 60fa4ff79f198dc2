"""`track config` and the settings it writes, as the program reads them."""

import importlib.util
import json
import os
import stat
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actiontrack import config, i18n
from actiontrack.cli import app
from tests.conftest import Track

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def cfg(tmp_path) -> Path:
    return tmp_path / "config.toml"  # what conftest points TRACK_CONFIG at


def run(*args: str, env: dict[str, str] | None = None, code: int = 0):
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def listed(*options: str, env: dict[str, str] | None = None) -> dict[str, dict]:
    data = json.loads(run(*options, "config", "list", "--format", "json", env=env).stdout)
    return {row["key"]: row for row in data}


# --- list, get, set, unset, path -----------------------------------------------------------------------


def test_path_is_track_config(cfg):
    assert run("config", "path").stdout.strip() == str(cfg)


def test_path_without_track_config_is_in_the_platform_config_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("TRACK_CONFIG")
    expected = Path(platformdirs.user_config_path("actiontrack")) / "config.toml"
    assert run("config", "path").stdout.strip() == str(expected)


def test_list_shows_every_key_with_its_value_and_source(cfg):
    rows = listed()
    assert list(rows) == [key.name for key in config.SPEC]
    assert rows["default_group"] == {"key": "default_group", "value": None, "source": "default", "detail": ""}
    assert rows["database_url"]["source"] == "default"
    assert rows["database_url"]["value"].endswith("/home/actiontrack.db")
    table = run("config", "list").stdout
    assert "default_group" in table and "(not created yet)" in table

    run("config", "set", "default_group", "Brukarrådet")
    rows = listed()
    assert rows["default_group"] == {
        "key": "default_group",
        "value": "Brukarrådet",
        "source": "file",
        "detail": str(cfg),
    }
    table = run("config", "list").stdout.splitlines()
    assert any(line.split()[:3] == ["default_group", "Brukarrådet", "config.toml"] for line in table)


def test_set_get_unset(cfg):
    assert run("config", "set", "language", "en").stdout.strip().endswith('language = "en"')
    run("config", "set", "default_group", "Gemensam utvecklingsgrupp")
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {
        "language": "en",
        "default_group": "Gemensam utvecklingsgrupp",
    }
    assert run("config", "get", "default_group").stdout == "Gemensam utvecklingsgrupp\n"
    run("config", "set", "default_group", "Brukarrådet")  # replaced, not added twice
    assert tomllib.loads(cfg.read_text(encoding="utf-8"))["default_group"] == "Brukarrådet"
    assert cfg.read_text(encoding="utf-8").count("default_group") == 1

    assert "Removed default_group" in run("config", "unset", "default_group").stdout
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {"language": "en"}
    assert "not set" in run("config", "unset", "default_group").stdout
    result = run("config", "get", "default_group", code=1)
    assert result.stdout == "" and "default_group is not set" in result.stderr


@pytest.mark.parametrize(
    "value",
    [
        'Styrgruppen "Äldre"',
        "Ledningsgrupp för utveckling, Åre/Östersund",
        "C:\\Möten\\år\\2026",
        "a\\\"b'c",
        "tab\tinside",
        "ends with a backslash \\",
        "é ü ß ø 🙂",
    ],
)
def test_values_round_trip_through_the_file(cfg, value):
    run("config", "set", "default_group", value)
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {"default_group": value}
    config.reload()
    assert config.setting("default_group") == value
    assert run("config", "get", "default_group").stdout == value + "\n"


def test_set_keeps_comments_and_other_keys(cfg):
    cfg.write_text(
        '# mina inställningar\nlanguage = "sv"  # svenska\n\n# gruppen jag är sekreterare för\n'
        'default_group = "Brukarrådet"\n',
        encoding="utf-8",
    )
    run("config", "set", "default_group", "Styrgruppen")
    run("config", "set", "csv_delimiter", ";")
    text = cfg.read_text(encoding="utf-8")
    assert text == (
        '# mina inställningar\nlanguage = "sv"  # svenska\n\n# gruppen jag är sekreterare för\n'
        'default_group = "Styrgruppen"\ncsv_delimiter = ";"\n'
    )
    run("config", "unset", "language")
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {
        "default_group": "Styrgruppen",
        "csv_delimiter": ";",
    }
    assert "# mina inställningar" in cfg.read_text(encoding="utf-8")


def test_a_file_line_editing_cannot_follow_is_written_anew(cfg):
    cfg.write_text('default_group = """Bru\nkar"""\nlanguage = "en"\n', encoding="utf-8")
    run("config", "set", "default_group", "Brukarrådet")
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {
        "default_group": "Brukarrådet",
        "language": "en",
    }


def test_the_file_is_replaced_whole_and_private(cfg, tmp_path):
    run("config", "set", "database_url", "postgresql+psycopg://track:hemligt@db.kommun.local/track")
    assert stat.S_IMODE(cfg.stat().st_mode) == 0o600  # the URL may hold a password
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".config")] == []  # no temporary left
    os.chmod(cfg, 0o640)
    run("config", "set", "language", "en")
    assert stat.S_IMODE(cfg.stat().st_mode) == 0o640  # a mode the user chose stays


def test_a_symbolic_link_is_followed(tmp_path, monkeypatch):
    real = tmp_path / "dotfiles" / "track.toml"
    real.parent.mkdir()
    real.write_text('language = "sv"\n', encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    monkeypatch.setenv("TRACK_CONFIG", str(link))
    run("config", "set", "default_group", "Brukarrådet")
    assert link.is_symlink()
    assert tomllib.loads(real.read_text(encoding="utf-8")) == {
        "language": "sv",
        "default_group": "Brukarrådet",
    }


def test_a_new_file_gets_its_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACK_CONFIG", str(tmp_path / "ny" / "mapp" / "config.toml"))
    run("config", "set", "language", "sv")
    assert (tmp_path / "ny" / "mapp" / "config.toml").read_text(encoding="utf-8") == 'language = "sv"\n'


def test_list_hides_the_password_and_get_gives_the_url(cfg):
    url = "postgresql+psycopg://track:hemligt@db.kommun.local/track"
    run("config", "set", "database_url", url)
    assert listed()["database_url"]["value"] == "postgresql+psycopg://track:***@db.kommun.local/track"
    assert "hemligt" not in run("config", "list").stdout
    assert run("config", "get", "database_url").stdout.strip() == url


# --- wrong keys and values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ("set", "färg", "blå"),
            "There is no setting 'färg'; the settings are language, default_group, database_url",
        ),
        (("get", "colour"), "There is no setting 'colour'"),
        (("unset", "colour"), "There is no setting 'colour'"),
        (("set", "language", "de"), "language must be 'sv' or 'en', not 'de'."),
        (("set", "csv_delimiter", "|"), "csv_delimiter must be ';', ',' or '\\t', not '|'."),
        (("set", "default_group", "  "), "default_group must be a text"),
        (("set", "database_url", "track.db"), "database_url must be a database URL such as sqlite:///"),
        (
            ("set", "agenda_template", "finns-inte.txt"),
            "There is no file finns-inte.txt to use as the agenda template.",
        ),
    ],
)
def test_wrong_keys_and_values_are_a_sentence(cfg, args, says):
    cfg.write_text('language = "en"\n', encoding="utf-8")
    result = run("config", *args, code=1)
    assert says in result.stderr
    assert result.stderr.count("\n") == 1
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {"language": "en"}  # nothing written


def test_the_delimiter_can_be_typed_as_tab(cfg):
    run("config", "set", "csv_delimiter", "tab")
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {"csv_delimiter": "\t"}
    assert "'\\t'" in run("config", "list").stdout


def test_agenda_template_is_stored_as_the_full_path(cfg, tmp_path, monkeypatch):
    (tmp_path / "mall.txt").write_text("Mötets öppnande\nÖvriga frågor\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run("config", "set", "agenda_template", "mall.txt")
    config.reload()
    assert config.setting("agenda_template") == str(tmp_path / "mall.txt")


BAD_FILES = [
    ('language = "de"\n', "The setting 'language'"),
    ("language = \n", "in the setting 'language'"),
    ('färg = "blå"\n', "in the setting 'färg'"),  # not even TOML: a bare key is ASCII
    ('farg = "blå"\n', "Unknown setting 'farg'"),
    ('default_group = "Brukarrådet\n', "in the setting 'default_group'"),
    ("csv_delimiter = 1\n", "The setting 'csv_delimiter'"),
    ("[tabell]\nx = 1\n", "Unknown setting 'tabell'"),
]
COMMANDS = [
    ("config", "list"),
    ("config", "get", "language"),
    ("open",),
    ("add", "Vi ska boka lokal"),
    ("agenda", "Brukarrådet"),
    ("export", "--format", "csv"),
    ("meeting", "list"),
    ("init",),
]


@pytest.mark.parametrize(("text", "says"), BAD_FILES)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_bad_file_is_a_sentence_naming_the_key_for_every_command(cfg, text, says, command):
    cfg.write_bytes(text.encode("utf-8"))
    result = run(*command, code=1)
    assert result.stderr.startswith("Error: ") and says in result.stderr
    assert "README, Configuration" in result.stderr and str(cfg) in result.stderr


def test_a_file_that_is_not_utf8_is_a_sentence(cfg):
    cfg.write_bytes('default_group = "Brukarrådet"\n'.encode("cp1252"))
    assert "it is not UTF-8 text (save it as UTF-8)" in run("open", code=1).stderr


def test_a_byte_order_mark_is_read_and_dropped(cfg):
    cfg.write_bytes('\ufeffdefault_group = "Brukarrådet"\n'.encode())
    assert run("config", "get", "default_group").stdout == "Brukarrådet\n"
    run("config", "set", "language", "sv")
    assert cfg.read_bytes() == 'default_group = "Brukarrådet"\nlanguage = "sv"\n'.encode()


def test_set_and_unset_repair_a_bad_file(cfg):
    cfg.write_text('language = "de"\nfarg = "blå"\ndefault_group = "Brukarrådet"\n', encoding="utf-8")
    assert "Unknown setting 'farg'" in run("config", "set", "language", "sv").stderr  # still there
    run("config", "unset", "farg")
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {
        "language": "sv",
        "default_group": "Brukarrådet",
    }
    assert listed()["language"]["source"] == "file"


def test_a_file_that_is_not_toml_is_not_overwritten(cfg):
    cfg.write_text("language = \n", encoding="utf-8")
    assert "Cannot read the configuration" in run("config", "set", "language", "sv", code=1).stderr
    assert cfg.read_text(encoding="utf-8") == "language = \n"


# --- the settings in the program: precedence -------------------------------------------------------------


def test_database_url_precedence(cfg, tmp_path):
    def where(*options: str, env: dict[str, str] | None = None) -> tuple[str, str]:
        row = listed(*options, env=env)["database_url"]
        return row["value"], row["source"]

    from_file = f"sqlite:///{tmp_path / 'fil.db'}"
    run("config", "set", "database_url", from_file)
    assert where() == (from_file, "file")
    assert where(env={"TRACK_DB": str(tmp_path / "env.db")}) == (
        f"sqlite:///{tmp_path / 'env.db'}",
        "environment",
    )
    env_url = f"sqlite:///{tmp_path / 'url.db'}"
    assert where(env={"TRACK_DATABASE_URL": env_url, "TRACK_DB": "x.db"}) == (env_url, "environment")
    assert where("--db", str(tmp_path / "opt.db"), env={"TRACK_DATABASE_URL": env_url}) == (
        f"sqlite:///{tmp_path / 'opt.db'}",
        "option",
    )
    run("config", "unset", "database_url")
    assert where()[1] == "default"


def test_the_configured_database_is_the_one_used(cfg, tmp_path):
    run("config", "set", "database_url", f"sqlite:///{tmp_path / 'delad.db'}")
    run("init")
    run("add", "Vi ska boka lokal")
    assert (tmp_path / "delad.db").exists() and not (tmp_path / "home").exists()
    assert "Vi ska boka lokal" in run("open").stdout
    assert "Vi ska boka lokal" not in run("--db", str(tmp_path / "annan.db"), "open").stdout  # --db wins


@pytest.fixture
def items(tmp_path):
    track = Track(tmp_path / "t.db")
    track("meeting", "start", "Brukarrådet", "--date", "2016-02-08")
    track("add", "Vi ska boka lokal", "--due", "2016-02-20")
    track("add", "Gruppen ska läsa förslaget")
    return track


def header(result) -> str:
    return result.stdout_bytes.decode("utf-8-sig").splitlines()[0]


def test_csv_delimiter_precedence(items, cfg):
    assert header(items("export", "--format", "csv", "--lang", "sv")).startswith("id;")
    assert header(items("export", "--format", "csv", "--lang", "en")).startswith("id,")
    cfg.write_text('csv_delimiter = "\\t"\n', encoding="utf-8")
    config.reload()
    assert header(items("export", "--format", "csv", "--lang", "sv")).startswith("id\t")
    assert header(items("export", "--format", "csv", "--lang", "en")).startswith("id\t")
    assert header(items("open", "--format", "csv")).startswith("id\t")  # the listing too
    assert header(items("export", "--format", "csv", "--delimiter", ",")).startswith("id,")


def test_default_group_precedence(items, cfg):
    result = items("agenda", fmt := "--format", "json", ok=False)
    assert result.exit_code == 2 and "track config set default_group" in result.stderr
    assert "Traceback" not in result.output
    cfg.write_text('default_group = "Brukarrådet"\n', encoding="utf-8")
    config.reload()
    assert json.loads(items("agenda", fmt, "json").stdout)["group"] == "Brukarrådet"
    other = items("agenda", "Nämnden", fmt, "json", ok=False)  # the argument wins over the file
    assert other.exit_code != 0 and "Nämnden" in other.stderr


def test_meeting_start_uses_the_default_group(items, cfg):
    assert items("meeting", "start", ok=False).exit_code == 2
    cfg.write_text('default_group = "Styrgruppen"\n', encoding="utf-8")
    config.reload()
    assert "Styrgruppen" in items("meeting", "start", "--date", "2016-03-01", "--new-group").stdout
    assert "Styrgruppen" in items("add", "Vi ska ringa", "--format", "json").stdout


def test_language_follows_config_set(cfg):
    assert i18n.language() == "en"
    run("config", "set", "language", "sv")
    assert i18n.language() == "sv"
    run("config", "set", "language", "en", env={"TRACK_LANG": "sv"})  # the file is stronger than TRACK_LANG
    assert i18n.language() == "en"
    run("config", "unset", "language")
    assert i18n.language() == "en"
    row = listed(env={"TRACK_LANG": "sv"})["language"]
    assert (row["value"], row["source"], row["detail"]) == ("sv", "environment", "TRACK_LANG")


def test_a_note_when_the_environment_is_stronger_than_the_file(cfg):
    result = run(
        "config", "set", "database_url", "sqlite:///fil.db", env={"TRACK_DATABASE_URL": "sqlite:///a.db"}
    )
    assert "TRACK_DATABASE_URL" in result.stderr


# --- the README ------------------------------------------------------------------------------------------


def test_the_readme_table_is_generated_from_the_spec():
    spec = importlib.util.spec_from_file_location(
        "update_config_docs", ROOT / "scripts" / "update_config_docs.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.updated(readme) == readme, "run: .venv/bin/python scripts/update_config_docs.py"
    for key in config.SPEC:
        assert f"| `{key.name}` |" in readme


def test_config_set_language_sv_makes_the_next_command_swedish(cfg):
    run("config", "set", "language", "sv")
    assert run("config", "list").stdout.startswith("Inställning")
    assert "Ange gruppen" in run("agenda", code=2).stderr
    assert "ska vara 'sv' eller 'en'" in run("config", "set", "language", "de", code=1).stderr


def test_every_message_of_track_config_has_its_swedish():
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po

    src = ROOT / "src" / "actiontrack"
    with (src / "locale" / "sv" / "LC_MESSAGES" / "actiontrack.po").open("rb") as f:
        catalog = read_po(f)
    modules = ["config.py", "config_file.py", "usecases/settings.py", "cli/config.py"]
    found = [
        message
        for module in modules
        for _line, message, _comments, _context in extract_from_file(
            "python", src / module, keywords={"_": None, "N_": None}
        )
    ]
    assert len(found) > 20
    assert [m for m in found if not (catalog.get(m) and catalog.get(m).string)] == []


def test_help_and_path_do_not_read_the_file(cfg):
    import subprocess
    import sys

    cfg.write_text('language = "de"\n', encoding="utf-8")
    code = "import sys; sys.argv = ['track', '--help']; from actiontrack.entry import main; main()"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert shown.returncode == 0 and shown.stdout.startswith("Usage: track")
    assert run("config", "path").stdout.strip() == str(cfg)  # how to find the file to mend
    assert run("config", "--help").stdout.startswith("Usage:")
