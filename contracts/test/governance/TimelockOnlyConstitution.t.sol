// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {TimelockOnlyBase} from "./utils/TimelockOnlyBase.sol";

/// The Constitution (the timelock): its settings (switchRegime, updateDelay) only through its own
/// operations; its roles are fixed — nobody administers them, not even the timelock (DEFAULT_ADMIN_ROLE
/// is held by nobody), and only switchRegime moves them. Scheduling, cancelling and executing
/// operations belong to the current regime (the council after the deployment).
contract TimelockOnlyConstitutionTest is TimelockOnlyBase {
    function _expectNotSelf(address caller) internal {
        _expectRefused(caller, abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, caller));
    }

    function testFuzz_switchRegime_revertsUnlessTimelock(address caller) public {
        vm.assume(caller != timelock);
        _expectNotSelf(caller);
        d.constitution.switchRegime(address(d.monarchy));
    }

    function test_switchRegime_byTimelock() public {
        vm.prank(timelock);
        d.constitution.switchRegime(address(d.monarchy));
        assertEq(d.constitution.regime(), address(d.monarchy));
    }

    function testFuzz_updateDelay_revertsUnlessTimelock(address caller, uint256 delay) public {
        vm.assume(caller != timelock);
        _expectNotSelf(caller);
        d.constitution.updateDelay(delay);
    }

    function test_updateDelay_byTimelock() public {
        vm.prank(timelock);
        d.constitution.updateDelay(2 days);
        assertEq(d.constitution.getMinDelay(), 2 days);
    }

    function testFuzz_grantRole_revertsForEveryone(address caller, bytes32 role, address account) public {
        _expectMissingRole(caller, ADMIN_ROLE);
        d.constitution.grantRole(role, account);
    }

    function testFuzz_revokeRole_revertsForEveryone(address caller, bytes32 role) public {
        _expectMissingRole(caller, ADMIN_ROLE);
        d.constitution.revokeRole(role, address(d.council));
    }

    function testFuzz_renounceRole_revertsForOthers(address caller, bytes32 role, address account) public {
        vm.assume(caller != account);
        bool regimeRole = role == d.constitution.PROPOSER_ROLE() || role == d.constitution.CANCELLER_ROLE()
            || role == d.constitution.EXECUTOR_ROLE();
        _expectRefused(
            caller,
            regimeRole
                ? abi.encodeWithSelector(Constitution.RegimeRoleFixed.selector, role)
                : abi.encodeWithSelector(IAccessControl.AccessControlBadConfirmation.selector)
        );
        d.constitution.renounceRole(role, account);
    }

    /// The regime cannot give up its roles either: only switchRegime moves them.
    function test_renounceRole_regimeRolesAreFixed() public {
        bytes32 proposer = d.constitution.PROPOSER_ROLE();
        _expectRefused(address(d.council), abi.encodeWithSelector(Constitution.RegimeRoleFixed.selector, proposer));
        d.constitution.renounceRole(proposer, address(d.council));
    }

    function testFuzz_establish_revertsForEveryone(address caller) public {
        _expectRefused(
            caller,
            caller == founder
                ? abi.encodeWithSelector(Constitution.AlreadyEstablished.selector)
                : abi.encodeWithSelector(Constitution.NotFounder.selector, caller)
        );
        d.constitution.establish(address(d.monarchy));
    }

    // ── operations: the current regime's ──

    function _operation()
        internal
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory data)
    {
        targets = new address[](1);
        values = new uint256[](1);
        data = new bytes[](1);
        targets[0] = address(d.constitution);
        data[0] = abi.encodeCall(TimelockController.updateDelay, (2 hours));
    }

    function testFuzz_schedule_revertsUnlessRegime(address caller) public {
        vm.assume(caller != address(d.council));
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _operation();
        _expectMissingRole(caller, d.constitution.PROPOSER_ROLE());
        d.constitution.schedule(t[0], v[0], c[0], 0, 0, 1 hours);
    }

    function testFuzz_scheduleBatch_revertsUnlessRegime(address caller) public {
        vm.assume(caller != address(d.council));
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _operation();
        _expectMissingRole(caller, d.constitution.PROPOSER_ROLE());
        d.constitution.scheduleBatch(t, v, c, 0, 0, 1 hours);
    }

    function testFuzz_cancel_revertsUnlessRegime(address caller, bytes32 id) public {
        vm.assume(caller != address(d.council));
        _expectMissingRole(caller, d.constitution.CANCELLER_ROLE());
        d.constitution.cancel(id);
    }

    function testFuzz_execute_revertsUnlessRegime(address caller) public {
        vm.assume(caller != address(d.council));
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _operation();
        _expectMissingRole(caller, d.constitution.EXECUTOR_ROLE());
        d.constitution.execute(t[0], v[0], c[0], 0, 0);
    }

    function testFuzz_executeBatch_revertsUnlessRegime(address caller) public {
        vm.assume(caller != address(d.council));
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _operation();
        _expectMissingRole(caller, d.constitution.EXECUTOR_ROLE());
        d.constitution.executeBatch(t, v, c, 0, 0);
    }

    /// The regime schedules and, after the delay, executes an operation on the timelock itself.
    function test_scheduleAndExecute_byRegime() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _operation();
        vm.startPrank(address(d.council));
        d.constitution.scheduleBatch(t, v, c, 0, 0, 1 hours);
        vm.warp(block.timestamp + 1 hours);
        d.constitution.executeBatch(t, v, c, 0, 0);
        vm.stopPrank();
        assertEq(d.constitution.getMinDelay(), 2 hours);
    }
}
