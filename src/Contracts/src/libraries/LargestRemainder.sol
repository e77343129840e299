// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Largest-remainder split
/// @notice Splits `amount` by basis points summing to 10,000: every share is floored, then the
/// leftover units (fewer than the number of parts) go one each to the parts with the largest
/// remainders, ties to the earlier part. The shares always sum exactly to `amount`.
/// @dev The cut-off remainder is found by binary search over the remainder range [0, 10,000), so
/// the cost is O(n log 10,000) instead of sorting.
library LargestRemainder {
    uint256 internal constant WHOLE = 10_000;

    function split(uint256 amount, uint16[] memory bps) internal pure returns (uint256[] memory shares) {
        uint256 n = bps.length;
        shares = new uint256[](n);
        uint256[] memory remainders = new uint256[](n);
        uint256 distributed;
        for (uint256 i = 0; i < n; ++i) {
            uint256 product = amount * bps[i];
            shares[i] = product / WHOLE;
            remainders[i] = product % WHOLE;
            distributed += shares[i];
        }
        uint256 leftover = amount - distributed;
        if (leftover == 0) return shares;
        (uint256 threshold, uint256 aboveCount) = cutoff(remainders, leftover);
        uint256 atThreshold = leftover - aboveCount;
        for (uint256 i = 0; i < n; ++i) {
            uint256 r = remainders[i];
            if (r > threshold) {
                ++shares[i];
            } else if (r == threshold && atThreshold != 0) {
                ++shares[i];
                --atThreshold;
            }
        }
    }

    /// @notice The largest remainder value `t` such that fewer than `leftover` remainders exceed it,
    /// and how many do. Units go to every remainder above `t`, then to the first ones equal to `t`.
    function cutoff(uint256[] memory remainders, uint256 leftover) internal pure returns (uint256 threshold, uint256 aboveCount) {
        // Invariant: count(r > hi) < leftover <= count(r > lo - 1), searched over [0, WHOLE).
        uint256 lo = 0;
        uint256 hi = WHOLE - 1;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (countAbove(remainders, mid) < leftover) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (lo, countAbove(remainders, lo));
    }

    function countAbove(uint256[] memory remainders, uint256 value) internal pure returns (uint256 count) {
        for (uint256 i = 0; i < remainders.length; ++i) {
            if (remainders[i] > value) ++count;
        }
    }
}
