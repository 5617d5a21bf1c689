// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CollaboratorRegistry} from "../../src/CollaboratorRegistry.sol";
import {UUPSModuleChecks} from "./utils/AccessControlChecks.sol";

/// CollaboratorRegistry: parameters, suspend / reinstate, roles and upgrades belong to the
/// timelock; `slash` to SLASHER_ROLE, which the deployment gives the Marketplace only.
contract TimelockOnlyRegistryTest is UUPSModuleChecks {
    address internal member = makeAddr("member");

    function _module() internal view override returns (address) {
        return address(d.registry);
    }

    function _freshImplementation() internal override returns (address) {
        return address(new CollaboratorRegistry());
    }

    function _initializeAgain() internal override {
        d.registry.initialize(address(1), 1, 1);
    }

    function testFuzz_setMinBond_revertsUnlessTimelock(address caller, uint256 minBond) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.registry.setMinBond(minBond);
    }

    function test_setMinBond_byTimelock() public {
        vm.prank(timelock);
        d.registry.setMinBond(1 ether);
        assertEq(d.registry.minBond(), 1 ether);
    }

    function testFuzz_setUnbondingPeriod_revertsUnlessTimelock(address caller, uint64 period) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.registry.setUnbondingPeriod(period);
    }

    function test_setUnbondingPeriod_byTimelock() public {
        vm.prank(timelock);
        d.registry.setUnbondingPeriod(14 days);
        assertEq(d.registry.unbondingPeriod(), 14 days);
    }

    function testFuzz_suspend_revertsUnlessTimelock(address caller) public {
        vm.assume(caller != timelock);
        _join(member, d.registry.KIND_SERVICE());
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.registry.suspend(member, "spam");
    }

    function test_suspend_byTimelock() public {
        _join(member, d.registry.KIND_SERVICE());
        vm.prank(timelock);
        d.registry.suspend(member, "spam");
        assertFalse(d.registry.isInGoodStanding(member));
    }

    function testFuzz_reinstate_revertsUnlessTimelock(address caller) public {
        vm.assume(caller != timelock);
        _join(member, d.registry.KIND_SERVICE());
        vm.prank(timelock);
        d.registry.suspend(member, "spam");
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.registry.reinstate(member);
    }

    function test_reinstate_byTimelock() public {
        _join(member, d.registry.KIND_SERVICE());
        vm.startPrank(timelock);
        d.registry.suspend(member, "spam");
        d.registry.reinstate(member);
        vm.stopPrank();
        assertTrue(d.registry.isInGoodStanding(member));
    }

    /// Called by design by another module: only the Marketplace (SLASHER_ROLE) slashes; every
    /// other sender is refused, the timelock included (it holds no SLASHER_ROLE, it could grant it).
    function testFuzz_slash_revertsUnlessSlasher(address caller, uint256 amount) public {
        vm.assume(caller != address(d.marketplace));
        _join(member, d.registry.KIND_SERVICE());
        _expectMissingRole(caller, d.registry.SLASHER_ROLE());
        d.registry.slash(member, amount, caller);
    }

    function test_slash_byMarketplace() public {
        _join(member, d.registry.KIND_SERVICE());
        uint256 bond = d.registry.minBond();
        vm.prank(address(d.marketplace));
        d.registry.slash(member, bond, timelock);
        assertFalse(d.registry.isInGoodStanding(member));
    }
}
