# Uncaught exception with explicit cause: "The above exception was the direct cause of..."
class ConfigError(Exception):
    pass
def load(cfg):
    try:
        return cfg["path"]
    except KeyError as e:
        raise ConfigError("missing path setting") from e
load({})
