// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title StakeTree
/// @notice A K-ary sum tree over accounts for stake-weighted random draws whose cost does not
/// grow with a loop over the accounts: `set` writes one leaf and its ancestors, `draw` walks from
/// the root down to a leaf, so both cost O(K · log_K N) storage accesses for N accounts ever added.
/// @dev Layout: level 0 holds the leaves (one per account, in the order accounts were first given
/// a non-zero value; a leaf is never reused, its value drops to 0 when the account leaves); node
/// (level, i) has the children (level − 1, K·i … K·i + K − 1); the root is (height, 0) and holds
/// the sum of every leaf. The tree grows one level when a leaf is added beyond its capacity K^height:
/// the new root starts as the old root's value (the old root becomes its first child), which is the
/// only write growth costs. Nodes live in one mapping keyed by `level << 248 | index`.
library StakeTree {
    /// @notice Children per node.
    uint256 internal constant K = 4;

    uint256 private constant LEVEL_SHIFT = 248;

    struct Tree {
        /// Leaves ever assigned.
        uint64 leafCount;
        /// Levels above the leaves; capacity is K^height leaves.
        uint8 height;
        mapping(uint256 key => uint256 value) nodes;
        /// Leaf index + 1 of an account (0: none yet).
        mapping(address account => uint256 leafPlusOne) leafOf;
        mapping(uint256 leaf => address account) accountOf;
    }

    /// @notice `draw` was asked for a point at or beyond the total (or the tree is empty).
    error DrawOutOfRange(uint256 point, uint256 total);

    /// @notice Sum of every value in the tree.
    function total(Tree storage t) internal view returns (uint256) {
        return t.nodes[uint256(t.height) << LEVEL_SHIFT];
    }

    /// @notice The value held for `account` (0 when it has none).
    function valueOf(Tree storage t, address account) internal view returns (uint256) {
        uint256 leaf = t.leafOf[account];
        return leaf == 0 ? 0 : t.nodes[leaf - 1];
    }

    /// @notice Set `account`'s value: O(log_K N) writes; the first non-zero value assigns a leaf.
    function set(Tree storage t, address account, uint256 value) internal {
        uint256 leaf = t.leafOf[account];
        uint256 index;
        uint256 height = t.height;
        if (leaf == 0) {
            if (value == 0) return;
            index = t.leafCount;
            t.leafOf[account] = index + 1;
            t.accountOf[index] = account;
            if (index >= K ** height) {
                // Full: a new root above the old one, which becomes its first child.
                t.nodes[(height + 1) << LEVEL_SHIFT] = t.nodes[height << LEVEL_SHIFT];
                height += 1;
                t.height = uint8(height);
            }
            t.leafCount = uint64(index + 1);
        } else {
            index = leaf - 1;
        }
        uint256 old = t.nodes[index];
        if (old == value) return;
        for (uint256 level; level <= height; ++level) {
            uint256 key = (level << LEVEL_SHIFT) | index;
            if (value > old) t.nodes[key] += value - old;
            else t.nodes[key] -= old - value;
            index /= K;
        }
    }

    /// @notice The account whose cumulative range holds `point` (0 ≤ point < total): an account
    /// holding value v is returned for v of the total's points, so a uniform point draws accounts
    /// with probability proportional to their values.
    function draw(Tree storage t, uint256 point) internal view returns (address) {
        uint256 height = t.height;
        uint256 sum = t.nodes[height << LEVEL_SHIFT];
        if (point >= sum) revert DrawOutOfRange(point, sum);
        uint256 index;
        for (uint256 level = height; level > 0; --level) {
            uint256 child = index * K;
            uint256 end = child + K;
            uint256 base = (level - 1) << LEVEL_SHIFT;
            while (true) {
                uint256 value = t.nodes[base | child];
                if (point < value) break;
                point -= value;
                // The children sum to their parent, which is > point: never past the last child.
                if (++child == end) revert DrawOutOfRange(point, sum);
            }
            index = child;
        }
        return t.accountOf[index];
    }
}
