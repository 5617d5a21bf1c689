// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Constitution} from "../../../src/governance/Constitution.sol";
import {MonarchyRegime} from "../../../src/governance/MonarchyRegime.sol";
import {CouncilSeats} from "../../../src/governance/CouncilSeats.sol";
import {CouncilGovernor} from "../../../src/governance/CouncilGovernor.sol";
import {RegimeGovernor} from "../../../src/governance/RegimeGovernor.sol";
import {ActivityVotes} from "../../../src/governance/ActivityVotes.sol";
import {DemocracyGovernor} from "../../../src/governance/DemocracyGovernor.sol";

/// Shared deployment and helpers for the governance suites: the Constitution (timelock) with the
/// monarchy established, and the other regimes ready to be switched to.
/// Actor names are prefixed so suites can also inherit the module test bases.
abstract contract GovernanceTestBase is Test {
    uint256 internal constant START = 1_700_000_000; // period 2810 of 7 days
    uint256 internal constant MIN_DELAY = 1 hours;
    uint32 internal constant HEARTBEAT = 30 days;

    uint48 internal constant COUNCIL_VOTING_DELAY = 1 hours;
    uint32 internal constant COUNCIL_VOTING_PERIOD = 3 days;
    uint256 internal constant COUNCIL_THRESHOLD = 1;
    uint256 internal constant COUNCIL_QUORUM = 50; // % of seats, rounded up
    uint256 internal constant SEAT_LIMIT = 5;

    uint256 internal constant ACTIVITY_PERIOD = 7 days;
    uint256 internal constant ACTIVITY_WINDOW = 4;
    uint48 internal constant DEMOCRACY_VOTING_DELAY = 1 days;
    uint32 internal constant DEMOCRACY_VOTING_PERIOD = 5 days;
    uint256 internal constant DEMOCRACY_THRESHOLD = 10;
    uint256 internal constant DEMOCRACY_QUORUM = 20; // % of the window's activity, rounded up
    uint48 internal constant LATE_QUORUM_EXTENSION = 2 days;

    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;
    uint8 internal constant ABSTAIN = 2;

    Constitution internal constitution;
    MonarchyRegime internal monarchy;
    MonarchyRegime internal successor; // another monarchy (the heir reigns), to switch to
    CouncilSeats internal seats;
    CouncilGovernor internal council;
    ActivityVotes internal activity;
    DemocracyGovernor internal democracy;

    address internal deployer = makeAddr("deployer");
    address internal monarch = makeAddr("monarch");
    address internal heir = makeAddr("heir");
    address internal outsider = makeAddr("outsider");
    address internal member1 = makeAddr("member1");
    address internal member2 = makeAddr("member2");
    address internal member3 = makeAddr("member3");
    address internal citizen1 = makeAddr("citizen1");
    address internal citizen2 = makeAddr("citizen2");
    address internal citizen3 = makeAddr("citizen3");
    address internal creditor = makeAddr("creditor"); // stands for a module holding CREDITOR_ROLE

    bytes32 internal PROPOSER_ROLE;
    bytes32 internal CANCELLER_ROLE;
    bytes32 internal EXECUTOR_ROLE;
    bytes32 internal CREDITOR_ROLE;

    /// Deploys everything as `deployer` and establishes the monarchy.
    function _deployGovernance() internal {
        vm.warp(START);
        vm.startPrank(deployer);
        constitution = new Constitution(MIN_DELAY);
        monarchy = new MonarchyRegime(constitution, monarch, heir, HEARTBEAT);
        successor = new MonarchyRegime(constitution, heir, address(0), HEARTBEAT);
        seats = new CouncilSeats(address(constitution), _members(), SEAT_LIMIT);
        council = new CouncilGovernor(
            seats, constitution, COUNCIL_VOTING_DELAY, COUNCIL_VOTING_PERIOD, COUNCIL_THRESHOLD, COUNCIL_QUORUM
        );
        activity = new ActivityVotes(address(constitution), ACTIVITY_PERIOD, ACTIVITY_WINDOW);
        democracy = new DemocracyGovernor(
            activity,
            constitution,
            DEMOCRACY_VOTING_DELAY,
            DEMOCRACY_VOTING_PERIOD,
            DEMOCRACY_THRESHOLD,
            DEMOCRACY_QUORUM,
            LATE_QUORUM_EXTENSION
        );
        constitution.establish(address(monarchy));
        vm.stopPrank();
        PROPOSER_ROLE = constitution.PROPOSER_ROLE();
        CANCELLER_ROLE = constitution.CANCELLER_ROLE();
        EXECUTOR_ROLE = constitution.EXECUTOR_ROLE();
        // `creditor` may credit activity.
        CREDITOR_ROLE = activity.CREDITOR_ROLE();
        _asTimelock();
        activity.grantRole(CREDITOR_ROLE, creditor);
    }

    function _members() internal view returns (address[] memory m) {
        m = new address[](3);
        (m[0], m[1], m[2]) = (member1, member2, member3);
    }

    function _citizens() internal view returns (address[] memory c) {
        c = new address[](3);
        (c[0], c[1], c[2]) = (citizen1, citizen2, citizen3);
    }

    /// The next call comes from the timelock, as an executed operation would (fixtures only: the
    /// lifecycle suites go through real operations).
    function _asTimelock() internal {
        vm.prank(address(constitution));
    }

    // ── operations ──

    function _one(address target, bytes memory data)
        internal
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](1);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        targets[0] = target;
        calldatas[0] = data;
    }

    function _switchCall(address regime) internal view returns (address[] memory, uint256[] memory, bytes[] memory) {
        return _one(address(constitution), abi.encodeCall(Constitution.switchRegime, (regime)));
    }

    /// The monarch schedules, the delay passes, the monarch executes.
    function _monarchRun(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 salt)
        internal
    {
        address king = monarchy.monarch();
        uint256 delay = constitution.getMinDelay();
        vm.prank(king);
        monarchy.schedule(targets, values, calldatas, salt, delay);
        vm.warp(block.timestamp + delay);
        vm.prank(king);
        monarchy.execute(targets, values, calldatas, salt);
    }

    function _monarchRun(address target, bytes memory data) internal {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _one(target, data);
        _monarchRun(t, v, d, keccak256(abi.encode(target, data, block.timestamp)));
    }

    /// `proposer` proposes, time moves to the snapshot + 1, every voter votes For.
    function _proposeAndVote(
        RegimeGovernor gov,
        address proposer,
        address[] memory voters,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) internal returns (uint256 id) {
        vm.prank(proposer);
        id = gov.propose(targets, values, calldatas, description);
        vm.warp(gov.proposalSnapshot(id) + 1);
        for (uint256 i; i < voters.length; ++i) {
            vm.prank(voters[i]);
            gov.castVote(id, FOR);
        }
    }

    /// After the vote: deadline passes, queue, delay passes, execute.
    function _queueAndExecute(
        RegimeGovernor gov,
        uint256 id,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) internal {
        vm.warp(gov.proposalDeadline(id) + 1);
        assertEq(uint8(gov.state(id)), uint8(IGovernor.ProposalState.Succeeded), "succeeded");
        bytes32 descriptionHash = keccak256(bytes(description));
        gov.queue(targets, values, calldatas, descriptionHash);
        assertEq(uint8(gov.state(id)), uint8(IGovernor.ProposalState.Queued), "queued");
        vm.warp(block.timestamp + constitution.getMinDelay());
        gov.execute(targets, values, calldatas, descriptionHash);
        assertEq(uint8(gov.state(id)), uint8(IGovernor.ProposalState.Executed), "executed");
    }

    /// A full proposal lifecycle with every voter For.
    function _pass(
        RegimeGovernor gov,
        address proposer,
        address[] memory voters,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) internal returns (uint256 id) {
        id = _proposeAndVote(gov, proposer, voters, targets, values, calldatas, description);
        _queueAndExecute(gov, id, targets, values, calldatas, description);
    }

    function _councilPass(address target, bytes memory data, string memory description) internal returns (uint256) {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _one(target, data);
        return _pass(council, member1, _members(), t, v, d, description);
    }

    function _democracyPass(address target, bytes memory data, string memory description) internal returns (uint256) {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _one(target, data);
        return _pass(democracy, citizen1, _citizens(), t, v, d, description);
    }

    // ── activity ──

    function _credit(address account, uint256 points) internal {
        vm.prank(creditor);
        activity.credit(account, points);
    }

    /// Credits every citizen `points` now, then moves to the first second after the start of the
    /// next period, so the points count for weights (and for proposing, which reads `now - 1`)
    /// from now on, for WINDOW periods.
    function _activateCitizens(uint256 points) internal {
        address[] memory c = _citizens();
        for (uint256 i; i < c.length; ++i) {
            _credit(c[i], points);
        }
        vm.warp((block.timestamp / ACTIVITY_PERIOD + 1) * ACTIVITY_PERIOD + 1);
    }

    // ── regimes ──

    /// Exactly `regime` holds the proposer, canceller and executor roles among the known regimes
    /// and actors, and the Constitution records it.
    function _assertOnlyRegime(address regime) internal view {
        assertEq(constitution.regime(), regime, "recorded regime");
        address[] memory known = _knownAccounts();
        bytes32[3] memory roles = [PROPOSER_ROLE, CANCELLER_ROLE, EXECUTOR_ROLE];
        for (uint256 r; r < 3; ++r) {
            for (uint256 i; i < known.length; ++i) {
                assertEq(constitution.hasRole(roles[r], known[i]), known[i] == regime, "one regime holds the role");
            }
        }
    }

    /// The regimes, the timelock, the deployer and the other actors.
    function _knownAccounts() internal view virtual returns (address[] memory known) {
        known = new address[](16);
        uint256 n;
        known[n++] = address(monarchy);
        known[n++] = address(successor);
        known[n++] = address(constitution);
        known[n++] = deployer;
        known[n++] = monarch;
        known[n++] = heir;
        known[n++] = outsider;
        known[n++] = address(0);
        known[n++] = address(council);
        known[n++] = address(seats);
        known[n++] = member1;
        known[n++] = address(democracy);
        known[n++] = address(activity);
        known[n++] = citizen1;
        assembly ("memory-safe") {
            mstore(known, n)
        }
    }
}
