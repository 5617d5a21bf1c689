// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {CouncilSeats} from "../../src/governance/CouncilSeats.sol";

contract CouncilSeatsTest is Test {
    CouncilSeats internal seats;
    address internal timelock = makeAddr("timelock");
    address internal a = makeAddr("a");
    address internal b = makeAddr("b");
    address internal c = makeAddr("c");
    address internal x = makeAddr("x");
    uint256 internal t0;

    function setUp() public {
        vm.warp(1_700_000_000);
        t0 = block.timestamp;
        address[] memory founding = new address[](2);
        (founding[0], founding[1]) = (a, b);
        seats = new CouncilSeats(timelock, founding, 3);
    }

    function _admit(address who) internal {
        vm.prank(timelock);
        seats.admit(who);
    }

    function _discharge(address who) internal {
        vm.prank(timelock);
        seats.discharge(who);
    }

    function test_constructor_seatsTheFoundingMembers() public view {
        assertTrue(seats.isMember(a));
        assertTrue(seats.isMember(b));
        assertFalse(seats.isMember(c));
        assertEq(seats.seatCount(), 2);
        assertEq(seats.seatLimit(), 3);
        assertEq(seats.members().length, 2);
        assertEq(seats.getVotes(a), 1);
        assertEq(seats.getVotes(c), 0);
        assertEq(seats.clock(), block.timestamp);
        assertEq(seats.CLOCK_MODE(), "mode=timestamp");
    }

    function test_constructor_validates() public {
        address[] memory none = new address[](0);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.InvalidSeatLimit.selector, 3));
        new CouncilSeats(timelock, none, 3);
        address[] memory three = new address[](3);
        (three[0], three[1], three[2]) = (a, b, c);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.InvalidSeatLimit.selector, 2));
        new CouncilSeats(timelock, three, 2);
        uint256 tooMany = seats.MAX_SEATS() + 1;
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.InvalidSeatLimit.selector, tooMany));
        new CouncilSeats(timelock, three, tooMany);
        three[2] = a;
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.AlreadyMember.selector, a));
        new CouncilSeats(timelock, three, 3);
        vm.expectRevert(CouncilSeats.ZeroAddress.selector);
        new CouncilSeats(address(0), three, 3);
    }

    function test_admitDischargeAndLimit_onlyByTheTimelock() public {
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.OnlyTimelock.selector, a));
        seats.admit(c);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.OnlyTimelock.selector, a));
        seats.discharge(b);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.OnlyTimelock.selector, a));
        seats.setSeatLimit(10);
    }

    function test_admit_emitsVotesEventsAndRespectsTheLimit() public {
        vm.expectEmit(address(seats));
        emit IVotes.DelegateChanged(c, address(0), c);
        vm.expectEmit(address(seats));
        emit CouncilSeats.MemberAdmitted(c);
        vm.expectEmit(address(seats));
        emit IVotes.DelegateVotesChanged(c, 0, 1);
        _admit(c);
        assertEq(seats.seatCount(), 3);

        vm.prank(timelock);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.SeatLimitReached.selector, 3));
        seats.admit(x);
        vm.prank(timelock);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.AlreadyMember.selector, c));
        seats.admit(c);

        vm.prank(timelock);
        seats.setSeatLimit(4);
        _admit(x);
        assertEq(seats.seatCount(), 4);
    }

    function test_discharge_neverEmptiesTheCouncil() public {
        vm.expectEmit(address(seats));
        emit CouncilSeats.MemberDischarged(b);
        vm.expectEmit(address(seats));
        emit IVotes.DelegateVotesChanged(b, 1, 0);
        _discharge(b);
        assertFalse(seats.isMember(b));
        vm.prank(timelock);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.NotMember.selector, b));
        seats.discharge(b);
        vm.prank(timelock);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.LastMember.selector, a));
        seats.discharge(a);
    }

    function test_setSeatLimit_bounds() public {
        vm.startPrank(timelock);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.InvalidSeatLimit.selector, 1));
        seats.setSeatLimit(1); // two seats taken
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.InvalidSeatLimit.selector, 0));
        seats.setSeatLimit(0);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.InvalidSeatLimit.selector, 101));
        seats.setSeatLimit(101);
        vm.expectEmit(address(seats));
        emit CouncilSeats.SeatLimitSet(2);
        seats.setSeatLimit(2);
        vm.stopPrank();
    }

    /// c sits over [t1, t2) and [t3, now); b over [t0, t2).
    function test_pastVotes_followEveryTermAndTheSeatCount() public {
        vm.warp(t0 + 100);
        _admit(c); // t1 = t0 + 100
        vm.warp(t0 + 200);
        _discharge(c); // t2
        _discharge(b);
        vm.warp(t0 + 300);
        _admit(c); // t3
        vm.warp(t0 + 400);

        assertEq(seats.getPastVotes(c, t0 + 99), 0);
        assertEq(seats.getPastVotes(c, t0 + 100), 1);
        assertEq(seats.getPastVotes(c, t0 + 199), 1);
        assertEq(seats.getPastVotes(c, t0 + 200), 0);
        assertEq(seats.getPastVotes(c, t0 + 299), 0);
        assertEq(seats.getPastVotes(c, t0 + 300), 1);
        assertEq(seats.getPastVotes(c, t0 + 399), 1);
        assertEq(seats.getPastVotes(b, t0), 1);
        assertEq(seats.getPastVotes(b, t0 + 199), 1);
        assertEq(seats.getPastVotes(b, t0 + 200), 0);
        assertEq(seats.getPastVotes(a, t0 - 1), 0);
        assertEq(seats.getPastVotes(x, t0 + 399), 0);
        assertEq(seats.memberOf(c).terms, 2);

        assertEq(seats.getPastTotalSupply(t0 - 1), 0);
        assertEq(seats.getPastTotalSupply(t0), 2);
        assertEq(seats.getPastTotalSupply(t0 + 150), 3);
        assertEq(seats.getPastTotalSupply(t0 + 250), 1);
        assertEq(seats.getPastTotalSupply(t0 + 399), 2);
    }

    function test_pastLookups_refuseThePresentAndFuture() public {
        vm.expectRevert(
            abi.encodeWithSelector(CouncilSeats.ERC5805FutureLookup.selector, block.timestamp, uint48(block.timestamp))
        );
        seats.getPastVotes(a, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(
                CouncilSeats.ERC5805FutureLookup.selector, block.timestamp + 1, uint48(block.timestamp)
            )
        );
        seats.getPastTotalSupply(block.timestamp + 1);
    }

    function test_seats_cannotBeDelegated() public {
        assertEq(seats.delegates(a), a);
        assertEq(seats.delegates(x), x);
        vm.prank(a);
        seats.delegate(a); // already so
        vm.prank(a);
        vm.expectRevert(CouncilSeats.SeatsNotDelegable.selector);
        seats.delegate(b);
        vm.expectRevert(CouncilSeats.SeatsNotDelegable.selector);
        seats.delegateBySig(b, 0, 0, 0, bytes32(0), bytes32(0));
    }
}
