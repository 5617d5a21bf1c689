// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {DisputeCourt} from "../../src/DisputeCourt.sol";
import {UUPSModuleChecks} from "./utils/AccessControlChecks.sol";

/// DisputeCourt: every parameter setter, roles and upgrades belong to the timelock. Staking,
/// disputes, commits, reveals, appeals, evidence and `advance` are jurors' and parties' actions,
/// public by design.
contract TimelockOnlyCourtTest is UUPSModuleChecks {
    function _module() internal view override returns (address) {
        return address(d.court);
    }

    function _freshImplementation() internal override returns (address) {
        return address(new DisputeCourt());
    }

    function _initializeAgain() internal override {
        DisputeCourt.Params memory params;
        d.court.initialize(address(1), params);
    }

    function testFuzz_setMinStake_revertsUnlessTimelock(address caller, uint256 minStake) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.court.setMinStake(minStake);
    }

    function test_setMinStake_byTimelock() public {
        vm.prank(timelock);
        d.court.setMinStake(1 ether);
        assertEq(d.court.params().minStake, 1 ether);
    }

    function testFuzz_setFeePerSeat_revertsUnlessTimelock(address caller, uint256 fee) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.court.setFeePerSeat(fee);
    }

    function test_setFeePerSeat_byTimelock() public {
        vm.prank(timelock);
        d.court.setFeePerSeat(0.005 ether);
        assertEq(d.court.params().feePerSeat, 0.005 ether);
    }

    function testFuzz_setLockPerSeat_revertsUnlessTimelock(address caller, uint256 lock) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.court.setLockPerSeat(lock);
    }

    function test_setLockPerSeat_byTimelock() public {
        vm.prank(timelock);
        d.court.setLockPerSeat(0.01 ether);
        assertEq(d.court.params().lockPerSeat, 0.01 ether);
    }

    function testFuzz_setDurations_revertsUnlessTimelock(address caller, uint32 duration) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.court.setDurations(duration, duration, duration, duration);
    }

    function test_setDurations_byTimelock() public {
        vm.prank(timelock);
        d.court.setDurations(2 days, 3 days, 4 days, 5 days);
        assertEq(d.court.params().appealDuration, 5 days);
    }

    function testFuzz_setMaxRounds_revertsUnlessTimelock(address caller, uint8 rounds) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.court.setMaxRounds(rounds);
    }

    function test_setMaxRounds_byTimelock() public {
        vm.prank(timelock);
        d.court.setMaxRounds(5);
        assertEq(d.court.params().maxRounds, 5);
    }

    function testFuzz_setTreasury_revertsUnlessTimelock(address caller, address treasury) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.court.setTreasury(treasury);
    }

    function test_setTreasury_byTimelock() public {
        address next = makeAddr("treasury");
        vm.prank(timelock);
        d.court.setTreasury(next);
        assertEq(d.court.params().treasury, next);
    }
}
