def stack(left, right):
    return left.union(right)
