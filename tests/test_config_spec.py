"""The settings table: values, precedence and errors."""

from __future__ import annotations

import pytest

from actiontrack import config, i18n
from actiontrack.errors import ConfigError


def test_defaults_without_a_file():
    assert config.setting("language") is None
    assert config.setting("csv_delimiter") is None


def test_file_and_environment(tmp_path, monkeypatch):
    (tmp_path / "config.toml").write_text('default_group = "Brukarrådet"\ndatabase_url = "sqlite:///a.db"\n')
    assert config.setting("default_group") == "Brukarrådet"
    assert config.setting("database_url") == "sqlite:///a.db"
    monkeypatch.setenv("TRACK_DATABASE_URL", "sqlite:///b.db")
    assert config.setting("database_url") == "sqlite:///b.db"


@pytest.mark.parametrize("text", ['färg = "blå"\n', 'language = "de"\n', "language = 3\n", "language = \n"])
def test_bad_file_is_an_error_naming_the_key(tmp_path, text):
    (tmp_path / "config.toml").write_text(text)
    with pytest.raises(ConfigError):
        config.setting("language")


def test_language_order(tmp_path, monkeypatch):
    assert i18n.language() == "en"
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert i18n.language() == "sv"
    monkeypatch.setenv("TRACK_LANG", "en")
    assert i18n.language() == "en"
    (tmp_path / "config.toml").write_text('language = "sv"\n')
    config.reload()
    assert i18n.language() == "sv"
    i18n.set_language("en")
    assert i18n.language() == "en"


@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/conf"])
def test_the_config_folder_is_platformdirs_own(monkeypatch, xdg):
    """config.user_config_dir() finds the folder without importing platformdirs."""
    import platformdirs

    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    assert config.user_config_dir() == platformdirs.user_config_dir("actiontrack")
