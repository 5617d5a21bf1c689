// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {StakeTree} from "../src/libraries/StakeTree.sol";

/// Exposes the library on its own storage.
contract StakeTreeHarness {
    using StakeTree for StakeTree.Tree;

    StakeTree.Tree internal tree;

    function set(address account, uint256 value) external {
        tree.set(account, value);
    }

    function total() external view returns (uint256) {
        return tree.total();
    }

    function valueOf(address account) external view returns (uint256) {
        return tree.valueOf(account);
    }

    function draw(uint256 point) external view returns (address) {
        return tree.draw(point);
    }

    function height() external view returns (uint256) {
        return tree.height;
    }

    function leafCount() external view returns (uint256) {
        return tree.leafCount;
    }
}

contract StakeTreeTest is Test {
    StakeTreeHarness internal h;

    function setUp() public {
        h = new StakeTreeHarness();
    }

    function _account(uint256 i) internal pure returns (address) {
        return address(uint160(0x1000 + i));
    }

    function test_empty_drawReverts() public {
        assertEq(h.total(), 0);
        vm.expectRevert(abi.encodeWithSelector(StakeTree.DrawOutOfRange.selector, 0, 0));
        h.draw(0);
        h.set(_account(0), 0); // a zero value assigns no leaf
        assertEq(h.leafCount(), 0);
    }

    function test_singleLeaf_isTheRoot() public {
        h.set(_account(0), 5);
        assertEq(h.height(), 0);
        assertEq(h.total(), 5);
        assertEq(h.draw(0), _account(0));
        assertEq(h.draw(4), _account(0));
        vm.expectRevert(abi.encodeWithSelector(StakeTree.DrawOutOfRange.selector, 5, 5));
        h.draw(5);
    }

    function test_grows_oneLevelPerKPowerAndKeepsRanges() public {
        uint256 k = StakeTree.K;
        // 1 leaf: height 0; 2..K: 1; K+1..K²: 2; K²+1..K³: 3.
        for (uint256 i; i < k * k * k + 1; ++i) {
            h.set(_account(i), i + 1);
            uint256 leaves = i + 1;
            uint256 expected = leaves == 1 ? 0 : leaves <= k ? 1 : leaves <= k * k ? 2 : leaves <= k * k * k ? 3 : 4;
            assertEq(h.height(), expected);
        }
        uint256 n = k * k * k + 1;
        assertEq(h.total(), n * (n + 1) / 2);
        // Leaf i owns points [i(i+1)/2, (i+1)(i+2)/2).
        for (uint256 i; i < n; ++i) {
            uint256 lo = i * (i + 1) / 2;
            assertEq(h.draw(lo), _account(i));
            assertEq(h.draw(lo + i), _account(i));
        }
    }

    function test_set_updatesAndZeroesWithoutReusingLeaves() public {
        h.set(_account(0), 10);
        h.set(_account(1), 20);
        h.set(_account(2), 30);
        h.set(_account(1), 0);
        assertEq(h.total(), 40);
        assertEq(h.valueOf(_account(1)), 0);
        assertEq(h.draw(9), _account(0));
        assertEq(h.draw(10), _account(2), "a zero leaf is skipped");
        h.set(_account(1), 7);
        assertEq(h.leafCount(), 3, "the account keeps its leaf");
        assertEq(h.draw(10), _account(1));
        assertEq(h.draw(17), _account(2));
        h.set(_account(2), 30); // unchanged: nothing to do
        assertEq(h.total(), 47);
    }

    /// Random values for up to 40 accounts (non-zero first, so leaves follow the account order), then
    /// random updates including zeros: the draw matches a linear scan in leaf order.
    function testFuzz_drawMatchesALinearScan(uint256 seed, uint8 count, uint256 point) public {
        uint256 n = bound(count, 1, 40);
        uint256[] memory values = new uint256[](n);
        for (uint256 round; round < 2; ++round) {
            for (uint256 i; i < n; ++i) {
                uint256 r = uint256(keccak256(abi.encode(seed, round, i)));
                uint256 v = round == 0 ? r % 1e21 + 1 : r % 4 == 0 ? 0 : r % 1e21;
                values[i] = v;
                h.set(_account(i), v);
            }
        }
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            sum += values[i];
            assertEq(h.valueOf(_account(i)), values[i]);
        }
        assertEq(h.total(), sum);
        if (sum == 0) return;
        point = bound(point, 0, sum - 1);
        uint256 acc;
        address expected;
        for (uint256 i; i < n; ++i) {
            acc += values[i];
            if (point < acc) {
                expected = _account(i);
                break;
            }
        }
        assertEq(h.draw(point), expected);
    }

    /// A draw among 1,000 accounts reads O(K · log_K N) slots, not N.
    function test_drawCostIsLogarithmic() public {
        for (uint256 i; i < 1000; ++i) {
            h.set(_account(i), 1 ether);
        }
        uint256 g = gasleft();
        h.draw(999 ether + 1);
        g = g - gasleft();
        assertLt(g, 60_000, "bounded by the tree's height, not the pool");
    }
}
