// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ActivityVotes} from "../../src/governance/ActivityVotes.sol";

contract ActivityVotesTest is Test {
    uint256 internal constant L = 7 days;
    uint256 internal constant W = 4;

    ActivityVotes internal votes;
    address internal timelock = makeAddr("timelock");
    address internal module = makeAddr("module");
    address internal a = makeAddr("a");
    address internal b = makeAddr("b");
    address internal outsider = makeAddr("outsider");
    bytes32 internal CREDITOR_ROLE;
    uint256 internal p0;

    function setUp() public {
        vm.warp(1_700_000_000);
        p0 = block.timestamp / L; // 2810: 2810 % 8 == 2, so windows straddle two account slots
        votes = new ActivityVotes(timelock, L, W);
        CREDITOR_ROLE = votes.CREDITOR_ROLE();
        vm.prank(timelock);
        votes.grantRole(CREDITOR_ROLE, module);
    }

    function _credit(address who, uint256 points) internal {
        vm.prank(module);
        votes.credit(who, points);
    }

    function _at(uint256 period, uint256 offset) internal pure returns (uint256) {
        return period * L + offset;
    }

    // ── crediting ──

    function test_credit_onlyByCreditorsTheTimelockGranted() public {
        vm.prank(outsider);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, CREDITOR_ROLE)
        );
        votes.credit(outsider, 100);
        vm.prank(module);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, module, bytes32(0))
        );
        votes.grantRole(CREDITOR_ROLE, outsider);

        vm.expectEmit(address(votes));
        emit ActivityVotes.ActivityCredited(a, p0, 7, module);
        _credit(a, 7);
        assertEq(votes.pointsIn(a, p0), 7);

        vm.prank(timelock);
        votes.revokeRole(CREDITOR_ROLE, module);
        vm.prank(module);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, module, CREDITOR_ROLE)
        );
        votes.credit(a, 1);
    }

    function test_credit_zeroPointsDoNothingAndZeroAddressReverts() public {
        vm.recordLogs();
        _credit(a, 0);
        assertEq(vm.getRecordedLogs().length, 0);
        vm.prank(module);
        vm.expectRevert(ActivityVotes.ZeroAddress.selector);
        votes.credit(address(0), 1);
        vm.prank(module);
        vm.expectRevert(ActivityVotes.ZeroAddress.selector);
        votes.creditBoth(a, address(0), 1);
    }

    function test_creditBoth_creditsEachSideAndTheTotalOnce() public {
        vm.prank(module);
        votes.creditBoth(a, b, 5);
        _credit(a, 10);
        assertEq(votes.pointsIn(a, p0), 15);
        assertEq(votes.pointsIn(b, p0), 5);
        assertEq(votes.totalIn(p0), 20);
        vm.warp(_at(p0 + 1, 0));
        assertEq(votes.getVotes(a), 15);
        assertEq(votes.getTotalVotes(), 20);
        assertEq(votes.getPastTotalSupply(_at(p0 + 1, 0) - 0 - 1), 0, "p0 itself is not complete at its end");
        vm.warp(_at(p0 + 1, 1));
        assertEq(votes.getPastTotalSupply(_at(p0 + 1, 0)), 20);
    }

    function test_credit_saturatesALaneAndTheTotalFollows() public {
        uint256 max = type(uint32).max;
        _credit(a, max - 5);
        vm.expectEmit(address(votes));
        emit ActivityVotes.ActivityCredited(a, p0, 5, module);
        _credit(a, 10);
        _credit(a, 1);
        _credit(b, 3);
        assertEq(votes.pointsIn(a, p0), max);
        assertEq(votes.totalIn(p0), max + 3);
        // The neighbouring lanes are untouched.
        assertEq(votes.pointsIn(a, p0 + 1), 0);
        assertEq(votes.pointsIn(a, p0 - 1), 0);
    }

    // ── weights ──

    function test_weight_countsTheCompletedPeriodsOfTheWindowOnly() public {
        vm.warp(_at(p0, 100));
        _credit(a, 10);
        assertEq(votes.getVotes(a), 0, "the current period never counts");
        vm.warp(_at(p0, 1000));
        assertEq(votes.getPastVotes(a, _at(p0, 500)), 0, "credited before t, but in t's period");

        vm.warp(_at(p0 + 1, 10));
        assertEq(votes.getVotes(a), 10);
        assertEq(votes.getPastVotes(a, _at(p0 + 1, 0)), 10);
        assertEq(votes.getPastVotes(a, _at(p0 + 1, 0) - 1), 0);

        _credit(a, 4); // in p0 + 1
        vm.warp(_at(p0 + W, 10));
        assertEq(votes.getVotes(a), 14, "p0 is the oldest period of the window");
        vm.warp(_at(p0 + W + 1, 10));
        assertEq(votes.getVotes(a), 4, "p0 left the window");
        assertEq(votes.getPastVotes(a, _at(p0 + W, 9)), 14, "history stays");
        vm.warp(_at(p0 + W + 2, 10));
        assertEq(votes.getVotes(a), 0);
    }

    function test_pastLookups_refuseThePresentAndFuture() public {
        vm.expectRevert(
            abi.encodeWithSelector(ActivityVotes.ERC5805FutureLookup.selector, block.timestamp, uint48(block.timestamp))
        );
        votes.getPastVotes(a, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(
                ActivityVotes.ERC5805FutureLookup.selector, block.timestamp + 1, uint48(block.timestamp)
            )
        );
        votes.getPastTotalSupply(block.timestamp + 1);
    }

    function test_windowOf() public view {
        (uint256 first, uint256 last, uint256 count) = votes.windowOf(_at(p0, 3));
        assertEq(first, p0 - W);
        assertEq(last, p0 - 1);
        assertEq(count, W);
        (first, last, count) = votes.windowOf(_at(2, 0));
        assertEq(first, 0);
        assertEq(last, 1);
        assertEq(count, 2);
        (,, count) = votes.windowOf(L - 1);
        assertEq(count, 0);
        assertEq(votes.periodOf(block.timestamp), p0);
    }

    /// Random activity over 20 consecutive periods: every weight and total equals the sum the rule
    /// defines, whichever account slots (8 periods) and total slots (4 periods) the window spans.
    function testFuzz_weights_matchTheWindowedSum(uint256 seed) public {
        uint256 n = 20;
        uint256[] memory pa = new uint256[](n);
        uint256[] memory pb = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            vm.warp(_at(p0 + i, uint256(keccak256(abi.encode(seed, i, "t"))) % L));
            pa[i] = uint256(keccak256(abi.encode(seed, i, "a"))) % 1000;
            pb[i] = uint256(keccak256(abi.encode(seed, i, "b"))) % 3 == 0 ? 0 : 50;
            _credit(a, pa[i]);
            vm.prank(module);
            votes.creditBoth(b, b, pb[i] / 2);
        }
        vm.warp(_at(p0 + n + 1, 0));
        for (uint256 i; i <= n; ++i) {
            uint256 expectedA;
            uint256 expectedTotal;
            for (uint256 j = i > W ? i - W : 0; j < i; ++j) {
                expectedA += pa[j];
                expectedTotal += pa[j] + pb[j];
            }
            uint256 t = _at(p0 + i, uint256(keccak256(abi.encode(seed, i, "q"))) % L);
            assertEq(votes.getPastVotes(a, t), expectedA, "weight");
            assertEq(votes.getPastTotalSupply(t), expectedTotal, "total");
            assertEq(votes.getPastVotes(a, t) + votes.getPastVotes(b, t), expectedTotal, "total = sum of weights");
        }
    }

    // ── ERC-5805 surface ──

    function test_activity_cannotBeDelegated() public {
        assertEq(votes.delegates(a), a);
        vm.prank(a);
        votes.delegate(a);
        vm.prank(a);
        vm.expectRevert(ActivityVotes.ActivityNotDelegable.selector);
        votes.delegate(b);
        vm.expectRevert(ActivityVotes.ActivityNotDelegable.selector);
        votes.delegateBySig(b, 0, 0, 0, bytes32(0), bytes32(0));
        assertEq(votes.clock(), block.timestamp);
        assertEq(votes.CLOCK_MODE(), "mode=timestamp");
    }

    function test_constructor_validates() public {
        vm.expectRevert(ActivityVotes.ZeroAddress.selector);
        new ActivityVotes(address(0), L, W);
        vm.expectRevert(abi.encodeWithSelector(ActivityVotes.InvalidPeriodLength.selector, 59 minutes));
        new ActivityVotes(timelock, 59 minutes, W);
        vm.expectRevert(abi.encodeWithSelector(ActivityVotes.InvalidPeriodLength.selector, 366 days));
        new ActivityVotes(timelock, 366 days, W);
        vm.expectRevert(abi.encodeWithSelector(ActivityVotes.InvalidWindow.selector, 0));
        new ActivityVotes(timelock, L, 0);
        vm.expectRevert(abi.encodeWithSelector(ActivityVotes.InvalidWindow.selector, 9));
        new ActivityVotes(timelock, L, 9);
        ActivityVotes wide = new ActivityVotes(timelock, 1 hours, 8);
        assertEq(wide.WINDOW(), 8);
        assertEq(wide.PERIOD_LENGTH(), 1 hours);
        assertTrue(wide.hasRole(bytes32(0), timelock));
    }
}
