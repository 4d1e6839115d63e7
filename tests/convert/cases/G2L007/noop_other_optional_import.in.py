# an optional import that is not Glue's: left as written
try:
    import yaml
    HAVE_YAML = True
except ImportError:
    yaml = None
    HAVE_YAML = False


def load_limits(path):
    if not HAVE_YAML:
        raise RuntimeError("pip install pyyaml to read " + path)
    with open(path) as handle:
        return yaml.safe_load(handle)
