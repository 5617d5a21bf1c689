// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {console} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {DisputeCourt} from "../src/DisputeCourt.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {Reputation} from "../src/Reputation.sol";
import {IArbitrator} from "../src/interfaces/IArbitrator.sol";
import {DisputeCourtTestBase} from "./utils/DisputeCourtTestBase.sol";

/// Gas budgets for the court. Measured like the other gas suites: gasleft() around the external
/// call through the proxy (the proxy address copied to a local first), every scenario prepared in
/// setUp so the measured call sees cold, committed storage; no 21,000 base or calldata cost.
///
/// The court is lived in: 100 jurors have staked (so the sum tree has four levels above its
/// leaves), several disputes are open in every period and hold locks, jurors and the treasury hold
/// credits. The Marketplace and the real Reputation sit behind their proxies, so executing a ruling
/// includes the Marketplace's settlement and the loser's XP.
///
/// Issue budgets: createDispute including its fee ≤ 200k (measured alone here and through
/// Marketplace.dispute in MarketplaceGas), the draw of 3 jurors from a pool of 100 ≤ 300k (the
/// `advance` out of Evidence), commit ≤ 70k, reveal ≤ 80k. The other figures are guarded at the
/// measured value rounded up by 10–15%.
contract DisputeCourtGasTest is DisputeCourtTestBase {
    uint256 internal constant CREATE_DISPUTE_BUDGET = 200_000;
    uint256 internal constant DRAW_BUDGET = 300_000;
    uint256 internal constant COMMIT_BUDGET = 70_000;
    uint256 internal constant REVEAL_BUDGET = 80_000;
    uint256 internal constant STAKE_NEW_BUDGET = 180_000; // measured 161,287 (a new leaf: fresh slots)
    uint256 internal constant STAKE_BUDGET = 72_000; // measured 64,030 (the leaf's path: 5 nodes)
    uint256 internal constant UNSTAKE_BUDGET = 70_000; // measured 62,809
    uint256 internal constant WITHDRAW_BUDGET = 32_000; // measured 27,503
    uint256 internal constant ADVANCE_COMMIT_BUDGET = 22_000; // measured 19,514
    uint256 internal constant ADVANCE_SETTLE_BUDGET = 290_000; // measured 260,729 (3 seats, 3 jurors)
    uint256 internal constant ADVANCE_EXECUTE_BUDGET = 110_000; // measured 94,962 (incl. the market's ruling)
    uint256 internal constant APPEAL_BUDGET = 100_000; // measured 86,455 (through the market)
    uint256 internal constant EVIDENCE_BUDGET = 17_000; // measured 14,443

    uint256 internal constant POOL = 100;

    Reputation internal realReputation;

    address internal arbitrable = makeAddr("arbitrable");
    address internal newJuror = makeAddr("newJuror");

    uint256 internal evidenceOver; // Evidence, period over: the next advance draws
    uint256 internal committing; // Commit, nobody committed yet
    uint256 internal committed; // Commit, everyone committed: advance moves on early
    uint256 internal revealing; // Reveal, nobody revealed yet
    uint256 internal revealed; // Reveal, everyone revealed: advance settles the round
    uint256 internal appealable; // Appeal, window open (ruling for the buyer)
    uint256 internal appealOver; // Appeal, window over: advance executes the ruling
    address internal creditor; // a juror holding a credit
    address internal idle; // a juror drawn nowhere
    // Read in setUp so the measured calls find the court's storage cold.
    uint256 internal fee;
    uint256 internal appealFee;
    uint256 internal appealableOrder;
    address internal commitJuror;
    address internal revealJuror;

    function setUp() public {
        vm.warp(1_700_000_000);
        Reputation impl = new Reputation();
        realReputation = Reputation(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(Reputation.initialize, (admin, address(0)))))
        );
        _deployMarketWith(address(realReputation));
        bytes32 marketRole = realReputation.MARKET_ROLE();
        vm.startPrank(admin);
        realReputation.setMarketplace(address(market));
        realReputation.grantRole(marketRole, address(market));
        vm.stopPrank();
        (courtImplementation, courtProxy) = _deployCourt(admin, _params());
        vm.prank(admin);
        market.setArbitrator(IArbitrator(address(courtProxy)));
        _bench(POOL, MIN_STAKE);

        // History: a dispute ruled for the buyer (jurors and the treasury hold credits, XP moved).
        (, uint256 first) = _openDispute();
        _advance(first);
        _voteAll(first, 1);
        _advance(first);
        creditor = _drawn(first)[0];

        // Day 0: every scenario opens.
        (, appealOver) = _openDispute();
        (, evidenceOver) = _openDispute();
        (, appealable) = _openDispute();
        (, committing) = _openDispute();
        (, committed) = _openDispute();
        (, revealing) = _openDispute();
        (, revealed) = _openDispute();
        // Day 1: all but `evidenceOver` are drawn.
        vm.warp(block.timestamp + EVIDENCE);
        uint256[6] memory drawnNow = [appealOver, appealable, committing, committed, revealing, revealed];
        for (uint256 i; i < 6; ++i) {
            courtProxy.advance(drawnNow[i]);
        }
        _voteAll(appealOver, 1);
        _commitAll(committed, 2);
        _commitAll(revealing, 2);
        courtProxy.advance(revealing);
        _commitAll(revealed, 1);
        courtProxy.advance(revealed);
        _revealAll(revealed, 1);
        // Day 2: the first appeal window has closed; the second one opens.
        vm.warp(block.timestamp + APPEAL);
        _voteAll(appealable, 1);
        vm.warp(block.timestamp + 1 hours);
        for (uint256 i = POOL; i > 0; --i) {
            DisputeCourt.JurorView memory v = courtProxy.jurorOf(jurors[i - 1]);
            if (v.locked == 0 && v.withdrawable == 0) {
                idle = jurors[i - 1];
                break;
            }
        }

        fee = courtProxy.arbitrationCost("");
        appealFee = courtProxy.appealCost(appealable, "");
        appealableOrder = market.orderOfDispute(address(courtProxy), appealable);
        commitJuror = _drawn(committing)[0];
        revealJuror = _drawn(revealing)[0];

        // Real senders hold ETH for gas, so none of them is an empty account.
        vm.deal(arbitrable, 1 ether);
        vm.deal(newJuror, 10 ether);
        vm.deal(idle, 10 ether);
        vm.deal(creditor, 1 ether);
        vm.deal(seller, 1 ether);
    }

    function _commitAll(uint256 disputeId, uint256 choice) internal {
        address[] memory drawn = _drawn(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            _commit(drawn[i], disputeId, choice);
        }
    }

    function _revealAll(uint256 disputeId, uint256 choice) internal {
        address[] memory drawn = _drawn(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            _reveal(drawn[i], disputeId, choice);
        }
    }

    function _log(string memory action, uint256 g, uint256 budget) internal pure {
        console.log(string.concat("gas ", action), g, "budget", budget);
    }

    function test_gas_scenarioIsLivedIn() public view {
        assertEq(courtProxy.totalStaked(), POOL * MIN_STAKE);
        assertGt(courtProxy.totalDrawWeight(), 0);
        assertLt(courtProxy.totalDrawWeight(), POOL * MIN_STAKE, "open disputes hold locks");
        assertGt(courtProxy.heldFees(), 0);
        assertGt(courtProxy.jurorOf(creditor).withdrawable, 0);
        assertEq(uint8(_period(evidenceOver)), uint8(DisputeCourt.Period.Evidence));
        assertGe(block.timestamp, courtProxy.getDispute(evidenceOver).periodEnd);
        assertEq(uint8(_period(committing)), uint8(DisputeCourt.Period.Commit));
        assertEq(uint8(_period(committed)), uint8(DisputeCourt.Period.Commit));
        assertEq(uint8(_period(revealing)), uint8(DisputeCourt.Period.Reveal));
        assertEq(uint8(_period(revealed)), uint8(DisputeCourt.Period.Reveal));
        assertEq(uint8(courtProxy.disputeStatus(appealable)), uint8(IArbitrator.DisputeStatus.Appealable));
        assertEq(uint8(_period(appealOver)), uint8(DisputeCourt.Period.Appeal));
        assertGe(block.timestamp, courtProxy.getDispute(appealOver).periodEnd);
    }

    /// createDispute alone, fee included (the Marketplace's `dispute` is in MarketplaceGas).
    function test_gas_createDisputeStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 cost = fee;
        vm.prank(arbitrable);
        uint256 g = gasleft();
        c.createDispute{value: cost}(2, "");
        g -= gasleft();
        _log("createDispute", g, CREATE_DISPUTE_BUDGET);
        assertLt(g, CREATE_DISPUTE_BUDGET, "createDispute over budget");
    }

    /// Evidence → Commit: the draw of 3 seats from the pool of 100 (tree walk, locks, ballots).
    function test_gas_drawStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 id = evidenceOver;
        uint256 g = gasleft();
        c.advance(id);
        g -= gasleft();
        _log("advance-draw-3-of-100", g, DRAW_BUDGET);
        assertLt(g, DRAW_BUDGET, "draw over budget");
        assertEq(uint8(_period(id)), uint8(DisputeCourt.Period.Commit));
    }

    function test_gas_commitStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 id = committing;
        address juror = commitJuror;
        bytes32 h = keccak256(abi.encode(uint256(1), _salt(juror, id, 0), juror, id, uint256(0)));
        vm.prank(juror);
        uint256 g = gasleft();
        c.commit(id, h);
        g -= gasleft();
        _log("commit", g, COMMIT_BUDGET);
        assertLt(g, COMMIT_BUDGET, "commit over budget");
    }

    function test_gas_revealStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 id = revealing;
        address juror = revealJuror;
        bytes32 salt = _salt(juror, id, 0);
        vm.prank(juror);
        uint256 g = gasleft();
        c.reveal(id, 2, salt);
        g -= gasleft();
        _log("reveal", g, REVEAL_BUDGET);
        assertLt(g, REVEAL_BUDGET, "reveal over budget");
    }

    /// Commit → Reveal as soon as every drawn juror committed.
    function test_gas_advanceCommitStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 id = committed;
        uint256 g = gasleft();
        c.advance(id);
        g -= gasleft();
        _log("advance-commit", g, ADVANCE_COMMIT_BUDGET);
        assertLt(g, ADVANCE_COMMIT_BUDGET, "advance over budget");
    }

    /// Reveal → Appeal: tally, settle 3 seats (locks released, rewards credited), appeal possible.
    function test_gas_advanceSettleStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 id = revealed;
        uint256 g = gasleft();
        c.advance(id);
        g -= gasleft();
        _log("advance-settle", g, ADVANCE_SETTLE_BUDGET);
        assertLt(g, ADVANCE_SETTLE_BUDGET, "advance over budget");
    }

    /// Appeal → Executed: the ruling into the Marketplace (refund, the seller's XP loss).
    function test_gas_advanceExecuteStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 id = appealOver;
        uint256 g = gasleft();
        c.advance(id);
        g -= gasleft();
        _log("advance-execute", g, ADVANCE_EXECUTE_BUDGET);
        assertLt(g, ADVANCE_EXECUTE_BUDGET, "advance over budget");
    }

    /// The seller appeals a ruling for the buyer through the Marketplace (7-seat round paid).
    function test_gas_appealStaysUnderBudget() public {
        Marketplace m = market;
        uint256 orderId = appealableOrder;
        uint256 cost = appealFee;
        vm.prank(seller);
        uint256 g = gasleft();
        m.appeal{value: cost}(orderId);
        g -= gasleft();
        _log("appeal", g, APPEAL_BUDGET);
        assertLt(g, APPEAL_BUDGET, "appeal over budget");
    }

    function test_gas_submitEvidenceStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        uint256 id = evidenceOver;
        vm.prank(stranger);
        uint256 g = gasleft();
        c.submitEvidence(id, "ipfs://bafkreid7qoywk77r7rj3slobqfekdvs57qwuwh5d2z3sqsw52iabe3mqne");
        g -= gasleft();
        _log("submitEvidence", g, EVIDENCE_BUDGET);
        assertLt(g, EVIDENCE_BUDGET, "submitEvidence over budget");
    }

    /// A first stake: a new leaf in the sum tree (fresh slots) and its path to the root.
    function test_gas_stakeNewJurorStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        vm.prank(newJuror);
        uint256 g = gasleft();
        c.stake{value: MIN_STAKE}();
        g -= gasleft();
        _log("stake-new-juror", g, STAKE_NEW_BUDGET);
        assertLt(g, STAKE_NEW_BUDGET, "stake over budget");
    }

    function test_gas_stakeTopUpStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        vm.prank(idle);
        uint256 g = gasleft();
        c.stake{value: 1 ether}();
        g -= gasleft();
        _log("stake", g, STAKE_BUDGET);
        assertLt(g, STAKE_BUDGET, "stake over budget");
    }

    function test_gas_unstakeStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        address j = idle;
        vm.prank(j);
        uint256 g = gasleft();
        c.unstake(MIN_STAKE);
        g -= gasleft();
        assertEq(c.jurorOf(j).stake, 0);
        _log("unstake", g, UNSTAKE_BUDGET);
        assertLt(g, UNSTAKE_BUDGET, "unstake over budget");
    }

    function test_gas_withdrawStaysUnderBudget() public {
        DisputeCourt c = courtProxy;
        address j = creditor;
        vm.prank(j);
        uint256 g = gasleft();
        c.withdraw();
        g -= gasleft();
        _log("court-withdraw", g, WITHDRAW_BUDGET);
        assertLt(g, WITHDRAW_BUDGET, "withdraw over budget");
    }
}
