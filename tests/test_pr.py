"""sync --pr: which forge and repository a remote URL names, and what g2l.toml says instead."""

from __future__ import annotations

import pytest

from g2l_merge.config import PrConfig
from g2l_merge.errors import G2lError
from g2l_merge.pr import Remote, connect, detect, resolve


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://github.com/acme/risk-engine-dbx.git",
            Remote("github", "acme/risk-engine-dbx", "https://api.github.com"),
        ),
        ("git@github.com:acme/risk-engine-dbx.git", Remote("github", "acme/risk-engine-dbx", "https://api.github.com")),
        (
            "ssh://git@github.com/acme/risk-engine-dbx",
            Remote("github", "acme/risk-engine-dbx", "https://api.github.com"),
        ),
        ("https://gitlab.com/acme/risk/engine-dbx.git", Remote("gitlab", "acme/risk/engine-dbx", "https://gitlab.com")),
        ("git@gitlab.com:acme/engine.git", Remote("gitlab", "acme/engine", "https://gitlab.com")),
        (
            "https://acme@dev.azure.com/acme/Risk/_git/engine-dbx",
            Remote("azure", "acme/Risk/engine-dbx", "https://dev.azure.com"),
        ),
        (
            "git@ssh.dev.azure.com:v3/acme/Risk/engine-dbx",
            Remote("azure", "acme/Risk/engine-dbx", "https://dev.azure.com"),
        ),
        (
            "https://acme.visualstudio.com/Risk/_git/engine-dbx",
            Remote("azure", "acme/Risk/engine-dbx", "https://dev.azure.com"),
        ),
        ("https://git.bank.example/risk/engine.git", Remote("none", None, None)),
        ("/srv/git/engine.git", Remote("none", None, None)),
        (None, Remote("none", None, None)),
    ],
)
def test_the_remote_url_names_the_forge_and_repository(url: str | None, expected: Remote) -> None:
    assert detect(url) == expected


def test_g2l_toml_wins_over_the_url() -> None:
    pr = PrConfig(forge="github", repository="acme/other", api_url="http://127.0.0.1:8123/api/v3/")
    assert resolve(pr, "https://github.com/acme/risk-engine-dbx.git") == Remote(
        "github", "acme/other", "http://127.0.0.1:8123/api/v3"
    )
    assert resolve(PrConfig(forge="none"), "https://github.com/acme/x.git") == Remote("none", None, None)
    assert resolve(PrConfig(), "https://git.bank.example/x.git") == Remote("none", None, None)
    enterprise = PrConfig(forge="github", api_url="https://ghe.bank.example/api/v3")
    with pytest.raises(G2lError, match=r"\[pr\] repository is not set"):
        resolve(enterprise, "https://ghe.bank.example/risk/engine.git")


def test_a_forge_without_its_token_is_bad_input_naming_the_variable() -> None:
    with pytest.raises(G2lError) as caught:
        connect(Remote("gitlab", "acme/engine", "https://gitlab.com"), {"GITHUB_TOKEN": "x"})
    assert caught.value.code == 2
    assert caught.value.message == (
        "[pr] forge gitlab: set GITLAB_TOKEN to a token that may push and open pull requests"
    )
    assert connect(Remote("none", None, None), {}) is None


def test_each_forge_gets_its_own_client_with_the_configured_host() -> None:
    from g2l_merge.forge.azure import AzureDevOps
    from g2l_merge.forge.github import GitHub
    from g2l_merge.forge.gitlab import GitLabForge

    github = connect(Remote("github", "acme/x", "http://127.0.0.1:9/api/v3"), {"GITHUB_TOKEN": "t"})
    gitlab = connect(Remote("gitlab", "acme/x", "http://127.0.0.1:9"), {"GITLAB_TOKEN": "t"})
    azure = connect(Remote("azure", "acme/risk/x", "http://127.0.0.1:9"), {"SYSTEM_ACCESSTOKEN": "t"})
    assert isinstance(github, GitHub) and isinstance(gitlab, GitLabForge) and isinstance(azure, AzureDevOps)
    assert (github.name, gitlab.name, azure.name) == ("github", "gitlab", "azure")
    with pytest.raises(G2lError, match="set AZURE_DEVOPS_TOKEN"):
        connect(Remote("azure", "acme/risk/x", "http://127.0.0.1:9"), {})
