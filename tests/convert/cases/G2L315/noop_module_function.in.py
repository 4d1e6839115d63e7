import flatten


def flat(df):
    return flatten.unnest(df)
