# g2l: converted from jobs/noop_dataframe_union.py
def stack(left, right):
    return left.union(right)
