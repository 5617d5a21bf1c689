// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessControlChecks} from "./utils/AccessControlChecks.sol";

/// ActivityVotes: the timelock administers CREDITOR_ROLE; crediting is for creditors only. The
/// deployment grants CREDITOR_ROLE to the ActivityCreditor alone (permissionless, it credits only
/// verified activity: settled orders, ratings, coherent jury seats), so every other sender is
/// refused — the timelock included, which holds no CREDITOR_ROLE but may grant it.
contract TimelockOnlyActivityTest is AccessControlChecks {
    address internal creditor = makeAddr("creditor");
    address internal citizen = makeAddr("citizen");

    function _module() internal view override returns (address) {
        return address(d.activity);
    }

    function testFuzz_credit_revertsUnlessCreditor(address caller, uint256 points) public {
        vm.assume(caller != address(d.creditor));
        _expectMissingRole(caller, d.activity.CREDITOR_ROLE());
        d.activity.credit(citizen, points);
    }

    function testFuzz_creditBoth_revertsUnlessCreditor(address caller, uint256 points) public {
        vm.assume(caller != address(d.creditor));
        _expectMissingRole(caller, d.activity.CREDITOR_ROLE());
        d.activity.creditBoth(citizen, creditor, points);
    }

    function test_credit_byTheDeployedCreditor() public {
        vm.prank(address(d.creditor));
        d.activity.credit(citizen, 3);
        assertEq(d.activity.pointsIn(citizen, d.activity.periodOf(block.timestamp)), 3);
    }

    function test_credit_byACreditorTheTimelockGranted() public {
        bytes32 creditorRole = d.activity.CREDITOR_ROLE();
        vm.prank(timelock);
        d.activity.grantRole(creditorRole, creditor);
        vm.startPrank(creditor);
        d.activity.credit(citizen, 3);
        d.activity.creditBoth(citizen, creditor, 2);
        vm.stopPrank();
        assertEq(d.activity.pointsIn(citizen, d.activity.periodOf(block.timestamp)), 5);
    }
}
