// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {MonarchyRegime} from "../../src/governance/MonarchyRegime.sol";
import {RegimeKind} from "../../src/governance/IRegime.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

contract ConstitutionTest is GovernanceTestBase {
    bytes32 internal constant DEFAULT_ADMIN_ROLE = 0x00;

    function setUp() public {
        _deployGovernance();
    }

    // ── construction and establishment ──

    function test_constructor_leavesNoRoleToAnyone() public {
        vm.prank(deployer);
        Constitution fresh = new Constitution(MIN_DELAY);
        address[] memory known = _knownAccounts();
        for (uint256 i; i < known.length; ++i) {
            assertFalse(fresh.hasRole(DEFAULT_ADMIN_ROLE, known[i]), "no admin");
            assertFalse(fresh.hasRole(PROPOSER_ROLE, known[i]), "no proposer");
            assertFalse(fresh.hasRole(EXECUTOR_ROLE, known[i]), "no executor");
        }
        assertFalse(fresh.hasRole(DEFAULT_ADMIN_ROLE, address(fresh)), "not its own admin");
        assertEq(fresh.founder(), deployer);
        assertEq(fresh.getMinDelay(), MIN_DELAY);
        assertEq(uint8(fresh.regimeKind()), uint8(RegimeKind.None));
        assertEq(fresh.regime(), address(0));
    }

    function test_establish_installsFirstRegimeOnlyByFounderOnce() public {
        vm.prank(deployer);
        Constitution fresh = new Constitution(MIN_DELAY);
        MonarchyRegime first = new MonarchyRegime(fresh, monarch, heir, HEARTBEAT);

        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(Constitution.NotFounder.selector, outsider));
        fresh.establish(address(first));

        vm.expectEmit(address(fresh));
        emit Constitution.RegimeChanged(RegimeKind.None, address(0), RegimeKind.Monarchy, address(first));
        vm.prank(deployer);
        fresh.establish(address(first));
        assertTrue(fresh.hasRole(PROPOSER_ROLE, address(first)));
        assertTrue(fresh.hasRole(CANCELLER_ROLE, address(first)));
        assertTrue(fresh.hasRole(EXECUTOR_ROLE, address(first)));
        (RegimeKind kind, address regime, uint48 since) = fresh.currentRegime();
        assertEq(uint8(kind), uint8(RegimeKind.Monarchy));
        assertEq(regime, address(first));
        assertEq(since, block.timestamp);

        vm.prank(deployer);
        vm.expectRevert(Constitution.AlreadyEstablished.selector);
        fresh.establish(address(first));
    }

    function test_establish_rejectsWhatIsNotARegimeOfThisTimelock() public {
        vm.startPrank(deployer);
        Constitution fresh = new Constitution(MIN_DELAY);
        vm.expectRevert(abi.encodeWithSelector(Constitution.NotARegime.selector, outsider));
        fresh.establish(outsider);
        vm.expectRevert(abi.encodeWithSelector(Constitution.NotARegime.selector, address(this)));
        fresh.establish(address(this)); // a contract, but no regimeKind()
        // The monarchy of the other Constitution drives the other timelock.
        vm.expectRevert(
            abi.encodeWithSelector(
                Constitution.RegimeTimelockMismatch.selector, address(monarchy), address(constitution)
            )
        );
        fresh.establish(address(monarchy));
        vm.stopPrank();
    }

    function test_deployment_leavesNoAccountWithAnAdminRole() public view {
        _assertOnlyRegime(address(monarchy));
        address[] memory known = _knownAccounts();
        for (uint256 i; i < known.length; ++i) {
            assertFalse(constitution.hasRole(DEFAULT_ADMIN_ROLE, known[i]), "nobody administers the timelock");
        }
        assertEq(monarchy.timelock(), address(constitution));
        assertEq(successor.timelock(), address(constitution));
    }

    // ── switching ──

    function test_switchRegime_onlyByTheTimelock() public {
        address[4] memory callers = [outsider, monarch, address(monarchy), deployer];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, callers[i]));
            constitution.switchRegime(address(successor));
        }
        _assertOnlyRegime(address(monarchy));
    }

    function test_switchRegime_swapsAllThreeRolesAtomically() public {
        vm.warp(block.timestamp + 5 days);
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _switchCall(address(successor));
        vm.prank(monarch);
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
        vm.warp(block.timestamp + MIN_DELAY);

        vm.expectEmit(address(constitution));
        emit Constitution.RegimeChanged(RegimeKind.Monarchy, address(monarchy), RegimeKind.Monarchy, address(successor));
        vm.prank(monarch);
        monarchy.execute(t, v, d, bytes32(0));

        _assertOnlyRegime(address(successor));
        assertEq(uint8(constitution.regimeKind()), uint8(RegimeKind.Monarchy));
        assertEq(constitution.regimeSince(), block.timestamp);
        assertTrue(successor.isActive());
        assertFalse(monarchy.isActive());
    }

    function test_switchRegime_rejectsTheActiveRegimeAndNonRegimes() public {
        _asTimelock();
        vm.expectRevert(abi.encodeWithSelector(Constitution.RegimeUnchanged.selector, address(monarchy)));
        constitution.switchRegime(address(monarchy));
        _asTimelock();
        vm.expectRevert(abi.encodeWithSelector(Constitution.NotARegime.selector, address(this)));
        constitution.switchRegime(address(this));
    }

    function test_roles_cannotBeGrantedRevokedOrRenounced() public {
        address[3] memory callers = [address(constitution), address(monarchy), deployer];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, callers[i], DEFAULT_ADMIN_ROLE
                )
            );
            constitution.grantRole(PROPOSER_ROLE, outsider);
            vm.prank(callers[i]);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, callers[i], DEFAULT_ADMIN_ROLE
                )
            );
            constitution.revokeRole(PROPOSER_ROLE, address(monarchy));
        }
        bytes32[3] memory roles = [PROPOSER_ROLE, CANCELLER_ROLE, EXECUTOR_ROLE];
        for (uint256 r; r < 3; ++r) {
            vm.prank(address(monarchy));
            vm.expectRevert(abi.encodeWithSelector(Constitution.RegimeRoleFixed.selector, roles[r]));
            constitution.renounceRole(roles[r], address(monarchy));
        }
        _assertOnlyRegime(address(monarchy));
    }

    function test_operations_executeOnlyThroughTheActiveRegime() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(constitution), abi.encodeCall(TimelockController.updateDelay, (2 hours)));
        vm.prank(monarch);
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
        vm.warp(block.timestamp + MIN_DELAY);
        vm.prank(outsider);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, outsider, EXECUTOR_ROLE)
        );
        constitution.executeBatch(t, v, d, bytes32(0), bytes32(0));

        vm.prank(monarch);
        monarchy.execute(t, v, d, bytes32(0));
        assertEq(constitution.getMinDelay(), 2 hours, "the minimum delay is governance-set");
    }

    /// An operation the monarch scheduled before being deposed cannot run afterwards (the old
    /// regime lost EXECUTOR_ROLE); the new regime, holding CANCELLER_ROLE, cancels it.
    function test_staleOperationOfDeposedRegime_cannotExecuteAndNewRegimeCancelsIt() public {
        (address[] memory st, uint256[] memory sv, bytes[] memory sd) =
            _one(address(monarchy), abi.encodeCall(MonarchyRegime.setHeartbeatPeriod, (400 days)));
        vm.prank(monarch);
        bytes32 stale = monarchy.schedule(st, sv, sd, bytes32("stale"), 2 days);
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(successor))));

        vm.warp(block.timestamp + 2 days);
        assertTrue(constitution.isOperationReady(stale));
        vm.prank(monarch);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(monarchy), EXECUTOR_ROLE
            )
        );
        monarchy.execute(st, sv, sd, bytes32("stale"));

        vm.prank(heir); // the successor's monarch
        successor.cancel(stale);
        assertFalse(constitution.isOperation(stale), "cancelled");
        assertEq(monarchy.heartbeatPeriod(), HEARTBEAT);
    }
}
