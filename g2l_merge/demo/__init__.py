"""`git g2l-sync demo DIR`: two sample repositories and a weekly sync, told command by command."""

from g2l_merge.demo.story import run_demo

__all__ = ["run_demo"]
