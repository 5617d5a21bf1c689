// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {stdError} from "forge-std/StdError.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {RegimeGovernor} from "../../src/governance/RegimeGovernor.sol";
import {TimelockOnlyBase} from "./utils/TimelockOnlyBase.sol";

/// The governors' settings (`onlyGovernance`: voting delay and period, proposal threshold, quorum,
/// relay) answer only to the timelock (GovernorOnlyExecutor otherwise), and, as OZ's
/// GovernorTimelockControl requires, only inside an operation of the governor's own proposal: the
/// timelock calling on its own is refused too (the governor's queue of expected calls is empty).
/// Proposing, voting, queueing, executing and cancelling are the regime's public machinery.
abstract contract GovernorSettingsChecks is TimelockOnlyBase {
    string internal constant DESCRIPTION = "change a setting";

    function _governor() internal view virtual returns (RegimeGovernor);

    /// The account that proposes and votes (it holds the votes).
    function _voter() internal view virtual returns (address);

    function _expectNotExecutor(address caller) internal {
        vm.assume(caller != timelock);
        _expectRefused(caller, abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, caller));
    }

    /// Runs `data` on the governor through a full proposal: propose, vote For, queue, execute.
    function _passProposal(bytes memory data) internal {
        RegimeGovernor gov = _governor();
        address[] memory targets = new address[](1);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        (targets[0], calldatas[0]) = (address(gov), data);
        vm.prank(_voter());
        uint256 id = gov.propose(targets, values, calldatas, DESCRIPTION);
        vm.warp(gov.proposalSnapshot(id) + 1);
        vm.prank(_voter());
        gov.castVote(id, 1);
        vm.warp(gov.proposalDeadline(id) + 1);
        gov.queue(targets, values, calldatas, keccak256(bytes(DESCRIPTION)));
        vm.warp(block.timestamp + d.constitution.getMinDelay());
        gov.execute(targets, values, calldatas, keccak256(bytes(DESCRIPTION)));
        assertEq(uint8(gov.state(id)), uint8(IGovernor.ProposalState.Executed));
    }

    function testFuzz_setVotingDelay_revertsUnlessTimelock(address caller, uint48 delay) public {
        _expectNotExecutor(caller);
        _governor().setVotingDelay(delay);
    }

    function test_setVotingDelay_byTimelock() public {
        _passProposal(abi.encodeCall(GovernorSettings.setVotingDelay, (2 hours)));
        assertEq(_governor().votingDelay(), 2 hours);
    }

    function testFuzz_setVotingPeriod_revertsUnlessTimelock(address caller, uint32 period) public {
        _expectNotExecutor(caller);
        _governor().setVotingPeriod(period);
    }

    function test_setVotingPeriod_byTimelock() public {
        _passProposal(abi.encodeCall(GovernorSettings.setVotingPeriod, (3 days)));
        assertEq(_governor().votingPeriod(), 3 days);
    }

    function testFuzz_setProposalThreshold_revertsUnlessTimelock(address caller, uint256 threshold) public {
        _expectNotExecutor(caller);
        _governor().setProposalThreshold(threshold);
    }

    function test_setProposalThreshold_byTimelock() public {
        _passProposal(abi.encodeCall(GovernorSettings.setProposalThreshold, (5)));
        assertEq(_governor().proposalThreshold(), 5);
    }

    function testFuzz_updateQuorumNumerator_revertsUnlessTimelock(address caller, uint256 numerator) public {
        _expectNotExecutor(caller);
        _governor().updateQuorumNumerator(numerator);
    }

    function test_updateQuorumNumerator_byTimelock() public {
        _passProposal(abi.encodeCall(GovernorVotesQuorumFraction.updateQuorumNumerator, (60)));
        assertEq(_governor().quorumNumerator(), 60);
    }

    function testFuzz_relay_revertsUnlessTimelock(address caller, address target, bytes memory data) public {
        _expectNotExecutor(caller);
        _governor().relay(target, 0, data);
    }

    /// The governor relays a call of the timelock's choosing: here it renounces a role it does
    /// not hold on the registry (a call only the governor itself can make for itself).
    function test_relay_byTimelock() public {
        bytes memory renounce =
            abi.encodeWithSignature("renounceRole(bytes32,address)", GOVERNOR_ROLE, address(_governor()));
        vm.expectCall(address(d.registry), renounce);
        _passProposal(abi.encodeCall(Governor.relay, (address(d.registry), 0, renounce)));
    }

    /// A bare call from the timelock, outside an operation of this governor's proposal, is refused.
    function test_settings_refuseTheTimelockOutsideAProposal() public {
        vm.prank(timelock);
        vm.expectRevert(stdError.popError);
        _governor().setVotingDelay(2 hours);
    }
}

/// The council reigns after the deployment; the founder holds its only seat.
contract TimelockOnlyCouncilGovernorTest is GovernorSettingsChecks {
    function setUp() public override {
        super.setUp();
        vm.warp(block.timestamp + 1); // the founder's seat counts from the next second
    }

    function _governor() internal view override returns (RegimeGovernor) {
        return d.council;
    }

    function _voter() internal view override returns (address) {
        return founder;
    }
}

/// The same checks with the democracy deployed as the first regime; a creditor credits one
/// citizen, who then holds all the votes.
contract TimelockOnlyDemocracyGovernorTest is GovernorSettingsChecks {
    address internal citizen = makeAddr("citizen");

    function setUp() public override {
        d = _deploy("democracy");
        address creditor = makeAddr("creditor");
        bytes32 creditorRole = d.activity.CREDITOR_ROLE();
        vm.prank(timelock); // fixture: a passed proposal would grant it
        d.activity.grantRole(creditorRole, creditor);
        vm.prank(creditor);
        d.activity.credit(citizen, 10);
        vm.warp((d.activity.periodOf(block.timestamp) + 1) * d.activity.PERIOD_LENGTH() + 1); // points count from the next period
    }

    function _governor() internal view override returns (RegimeGovernor) {
        return d.democracy;
    }

    function _voter() internal view override returns (address) {
        return citizen;
    }
}
