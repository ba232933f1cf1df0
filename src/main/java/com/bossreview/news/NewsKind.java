package com.bossreview.news;

public enum NewsKind {
    GOOD,
    BAD
}
