// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {MonarchyRegime} from "../../src/governance/MonarchyRegime.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

contract MonarchyRegimeTest is GovernanceTestBase {
    function setUp() public {
        _deployGovernance();
    }

    function _setPeriodCall(uint32 period) internal view returns (address[] memory, uint256[] memory, bytes[] memory) {
        return _one(address(monarchy), abi.encodeCall(MonarchyRegime.setHeartbeatPeriod, (period)));
    }

    // ── schedule → execute ──

    function test_lifecycle_scheduleWaitExecute() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _setPeriodCall(60 days);
        bytes32 expected = monarchy.operationId(t, v, d, bytes32("p"));

        vm.expectEmit(address(constitution));
        emit TimelockController.CallScheduled(expected, 0, t[0], 0, d[0], bytes32(0), 1 days);
        vm.prank(monarch);
        bytes32 id = monarchy.schedule(t, v, d, bytes32("p"), 1 days);
        assertEq(id, expected);
        assertTrue(constitution.isOperationPending(id));
        assertEq(constitution.getTimestamp(id), block.timestamp + 1 days);

        // Everyone sees it coming for a day: too early, it does not run.
        vm.warp(block.timestamp + 1 days - 1);
        vm.prank(monarch);
        vm.expectRevert();
        monarchy.execute(t, v, d, bytes32("p"));

        vm.warp(block.timestamp + 1);
        vm.expectEmit(address(monarchy));
        emit MonarchyRegime.HeartbeatPeriodSet(60 days);
        vm.prank(monarch);
        monarchy.execute(t, v, d, bytes32("p"));
        assertTrue(constitution.isOperationDone(id));
        assertEq(monarchy.heartbeatPeriod(), 60 days);
    }

    function test_schedule_refusesDelayBelowTheTimelockMinimum() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _setPeriodCall(60 days);
        vm.prank(monarch);
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockInsufficientDelay.selector, MIN_DELAY - 1, MIN_DELAY)
        );
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY - 1);
    }

    function test_operations_onlyByTheMonarch() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _setPeriodCall(60 days);
        address[2] memory others = [heir, outsider];
        for (uint256 i; i < others.length; ++i) {
            vm.startPrank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotMonarch.selector, others[i]));
            monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
            vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotMonarch.selector, others[i]));
            monarchy.execute(t, v, d, bytes32(0));
            vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotMonarch.selector, others[i]));
            monarchy.cancel(bytes32(0));
            vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotMonarch.selector, others[i]));
            monarchy.heartbeat();
            vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotMonarch.selector, others[i]));
            monarchy.nameHeir(others[i]);
            vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotMonarch.selector, others[i]));
            monarchy.abdicate();
            vm.stopPrank();
        }
    }

    function test_schedule_capsActionsPerOperation() public {
        uint256 max = monarchy.MAX_ACTIONS();
        address[] memory t = new address[](max + 1);
        uint256[] memory v = new uint256[](max + 1);
        bytes[] memory d = new bytes[](max + 1);
        vm.prank(monarch);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.InvalidActionCount.selector, max + 1, max));
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
        vm.prank(monarch);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.InvalidActionCount.selector, 0, max));
        monarchy.schedule(new address[](0), new uint256[](0), new bytes[](0), bytes32(0), MIN_DELAY);
    }

    function test_cancel_dropsAPendingOperation() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _setPeriodCall(60 days);
        vm.prank(monarch);
        bytes32 id = monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
        vm.prank(monarch);
        monarchy.cancel(id);
        assertFalse(constitution.isOperation(id));
        vm.warp(block.timestamp + MIN_DELAY);
        vm.prank(monarch);
        vm.expectRevert();
        monarchy.execute(t, v, d, bytes32(0));
    }

    function test_execute_forwardsValueFromTheTimelockTreasury() public {
        vm.deal(address(constitution), 5 ether);
        address[] memory t = new address[](1);
        uint256[] memory v = new uint256[](1);
        bytes[] memory d = new bytes[](1);
        (t[0], v[0]) = (outsider, 2 ether);
        _monarchRun(t, v, d, bytes32("pay"));
        assertEq(outsider.balance, 2 ether);
        assertEq(address(constitution).balance, 3 ether);
    }

    // ── succession ──

    function test_claimCrown_afterAWholeHeartbeatPeriodOfSilence() public {
        uint256 claimableAt = block.timestamp + HEARTBEAT;
        assertEq(monarchy.crownClaimableAt(), claimableAt);

        vm.warp(claimableAt - 1);
        vm.prank(heir);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.MonarchAlive.selector, claimableAt));
        monarchy.claimCrown();

        vm.warp(claimableAt);
        vm.expectEmit(address(monarchy));
        emit MonarchyRegime.Crowned(heir);
        vm.expectEmit(address(monarchy));
        emit MonarchyRegime.CrownClaimed(heir, monarch);
        vm.prank(heir);
        monarchy.claimCrown();
        assertEq(monarchy.monarch(), heir);
        assertEq(monarchy.heir(), address(0));
        assertEq(monarchy.lastHeartbeat(), block.timestamp);

        // The old monarch lost every power; the new one reigns through the timelock.
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _setPeriodCall(90 days);
        vm.prank(monarch);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotMonarch.selector, monarch));
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
        _monarchRun(t, v, d, bytes32(0));
        assertEq(monarchy.heartbeatPeriod(), 90 days);
    }

    function test_heartbeat_andEveryMonarchActionRestartTheClock() public {
        vm.warp(block.timestamp + 20 days);
        vm.expectEmit(address(monarchy));
        emit MonarchyRegime.Heartbeat(monarch, uint48(block.timestamp));
        vm.prank(monarch);
        monarchy.heartbeat();
        assertEq(monarchy.crownClaimableAt(), block.timestamp + HEARTBEAT);

        vm.warp(block.timestamp + 25 days);
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _setPeriodCall(60 days);
        vm.prank(monarch);
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY); // a sign of life too
        uint256 claimableAt = block.timestamp + HEARTBEAT;

        vm.warp(block.timestamp + 10 days);
        vm.prank(heir);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.MonarchAlive.selector, claimableAt));
        monarchy.claimCrown();
        vm.warp(claimableAt);
        vm.prank(heir);
        monarchy.claimCrown();
        assertEq(monarchy.monarch(), heir);
    }

    function test_claimCrown_onlyByTheHeir() public {
        vm.warp(block.timestamp + HEARTBEAT);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotHeir.selector, outsider));
        monarchy.claimCrown();
        vm.prank(monarch);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotHeir.selector, monarch));
        monarchy.claimCrown();
    }

    function test_claimCrown_onlyWhileTheMonarchyGovernsAndSilenceCountsFromRestoration() public {
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(successor))));
        vm.warp(block.timestamp + 3 * HEARTBEAT);
        vm.prank(heir);
        vm.expectRevert(MonarchyRegime.RegimeNotActive.selector);
        monarchy.claimCrown();

        // Restored (by whatever regime governs): the monarch gets a fresh period.
        _asTimelock();
        constitution.switchRegime(address(monarchy));
        uint256 claimableAt = block.timestamp + HEARTBEAT;
        assertEq(monarchy.crownClaimableAt(), claimableAt);
        vm.prank(heir);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.MonarchAlive.selector, claimableAt));
        monarchy.claimCrown();
        vm.warp(claimableAt);
        vm.prank(heir);
        monarchy.claimCrown();
        assertEq(monarchy.monarch(), heir);
    }

    function test_abdicate_givesTheCrownToTheHeir() public {
        vm.expectEmit(address(monarchy));
        emit MonarchyRegime.Crowned(heir);
        vm.expectEmit(address(monarchy));
        emit MonarchyRegime.Abdicated(monarch, heir);
        vm.prank(monarch);
        monarchy.abdicate();
        assertEq(monarchy.monarch(), heir);
        assertEq(monarchy.heir(), address(0));

        // Without an heir there is nobody to abdicate to.
        vm.prank(heir);
        vm.expectRevert(MonarchyRegime.NoHeir.selector);
        monarchy.abdicate();

        vm.prank(heir);
        monarchy.nameHeir(outsider);
        vm.prank(heir);
        monarchy.abdicate();
        assertEq(monarchy.monarch(), outsider);
    }

    function test_nameHeir_replacesOrClearsTheHeir() public {
        vm.expectEmit(address(monarchy));
        emit MonarchyRegime.HeirNamed(monarch, outsider);
        vm.prank(monarch);
        monarchy.nameHeir(outsider);
        assertEq(monarchy.heir(), outsider);

        // The former heir can no longer claim.
        vm.warp(block.timestamp + HEARTBEAT);
        vm.prank(heir);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.NotHeir.selector, heir));
        monarchy.claimCrown();

        vm.prank(monarch);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.InvalidHeir.selector, monarch));
        monarchy.nameHeir(monarch);

        vm.prank(monarch);
        monarchy.nameHeir(address(0));
        vm.warp(block.timestamp + HEARTBEAT);
        vm.prank(monarch);
        vm.expectRevert(MonarchyRegime.NoHeir.selector);
        monarchy.abdicate();
    }

    // ── parameters ──

    function test_setHeartbeatPeriod_onlyByTheTimelockWithinBounds() public {
        vm.prank(monarch);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.OnlyTimelock.selector, monarch));
        monarchy.setHeartbeatPeriod(60 days);

        uint32 tooShort = monarchy.MIN_HEARTBEAT_PERIOD() - 1;
        uint32 tooLong = monarchy.MAX_HEARTBEAT_PERIOD() + 1;
        _asTimelock();
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.InvalidHeartbeatPeriod.selector, tooShort));
        monarchy.setHeartbeatPeriod(tooShort);
        _asTimelock();
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.InvalidHeartbeatPeriod.selector, tooLong));
        monarchy.setHeartbeatPeriod(tooLong);
    }

    function test_constructor_validates() public {
        vm.expectRevert(MonarchyRegime.ZeroAddress.selector);
        new MonarchyRegime(constitution, address(0), heir, HEARTBEAT);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.InvalidHeir.selector, monarch));
        new MonarchyRegime(constitution, monarch, monarch, HEARTBEAT);
        vm.expectRevert(abi.encodeWithSelector(MonarchyRegime.InvalidHeartbeatPeriod.selector, uint32(1)));
        new MonarchyRegime(constitution, monarch, heir, 1);
    }

    function test_inactiveMonarchy_cannotSchedule() public {
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(successor))));
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _setPeriodCall(60 days);
        vm.prank(monarch);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(monarchy), PROPOSER_ROLE
            )
        );
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
    }
}
