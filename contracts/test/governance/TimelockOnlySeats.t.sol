// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CouncilSeats} from "../../src/governance/CouncilSeats.sol";
import {TimelockOnlyBase} from "./utils/TimelockOnlyBase.sol";

/// CouncilSeats: admitting, discharging and the seat limit belong to the timelock.
contract TimelockOnlySeatsTest is TimelockOnlyBase {
    address internal candidate = makeAddr("candidate");

    function _expectNotTimelock(address caller) internal {
        _expectRefused(caller, abi.encodeWithSelector(CouncilSeats.OnlyTimelock.selector, caller));
    }

    function testFuzz_admit_revertsUnlessTimelock(address caller, address account) public {
        vm.assume(caller != timelock);
        _expectNotTimelock(caller);
        d.seats.admit(account);
    }

    function test_admit_byTimelock() public {
        vm.prank(timelock);
        d.seats.admit(candidate);
        assertTrue(d.seats.isMember(candidate));
    }

    function testFuzz_discharge_revertsUnlessTimelock(address caller) public {
        vm.assume(caller != timelock);
        _expectNotTimelock(caller);
        d.seats.discharge(founder);
    }

    function test_discharge_byTimelock() public {
        vm.startPrank(timelock);
        d.seats.admit(candidate);
        d.seats.discharge(founder);
        vm.stopPrank();
        assertFalse(d.seats.isMember(founder));
    }

    function testFuzz_setSeatLimit_revertsUnlessTimelock(address caller, uint256 limit) public {
        vm.assume(caller != timelock);
        _expectNotTimelock(caller);
        d.seats.setSeatLimit(limit);
    }

    function test_setSeatLimit_byTimelock() public {
        vm.prank(timelock);
        d.seats.setSeatLimit(3);
        assertEq(d.seats.seatLimit(), 3);
    }
}
