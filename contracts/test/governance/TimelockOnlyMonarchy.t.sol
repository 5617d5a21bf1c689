// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {MonarchyRegime} from "../../src/governance/MonarchyRegime.sol";
import {TimelockOnlyBase} from "./utils/TimelockOnlyBase.sol";

/// MonarchyRegime: its one setting belongs to the timelock. Scheduling, executing, cancelling,
/// heartbeats, naming an heir, abdicating and claiming the crown are the monarch's and the heir's
/// own actions (the regime's, not governance settings).
contract TimelockOnlyMonarchyTest is TimelockOnlyBase {
    function testFuzz_setHeartbeatPeriod_revertsUnlessTimelock(address caller, uint32 period) public {
        vm.assume(caller != timelock);
        _expectRefused(caller, abi.encodeWithSelector(MonarchyRegime.OnlyTimelock.selector, caller));
        d.monarchy.setHeartbeatPeriod(period);
    }

    function test_setHeartbeatPeriod_byTimelock() public {
        vm.prank(timelock);
        d.monarchy.setHeartbeatPeriod(7 days);
        assertEq(d.monarchy.heartbeatPeriod(), 7 days);
    }
}
