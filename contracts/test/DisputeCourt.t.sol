// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {DisputeCourt} from "../src/DisputeCourt.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {IArbitrable} from "../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../src/interfaces/IArbitrator.sol";
import {IEvidence} from "../src/interfaces/IEvidence.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {DisputeCourtTestBase} from "./utils/DisputeCourtTestBase.sol";
import {ArbitrableMock, JurorActor} from "./mocks/CourtMocks.sol";

contract DisputeCourtTest is DisputeCourtTestBase {
    bytes32 internal constant STORAGE_LOCATION = 0x8b5c5db2cabcc9ac86b9a163d2d4f8d4ba074767473b790cf19c43683b54e600;

    DisputeCourt.Period internal constant EVIDENCE_P = DisputeCourt.Period.Evidence;
    DisputeCourt.Period internal constant COMMIT_P = DisputeCourt.Period.Commit;
    DisputeCourt.Period internal constant REVEAL_P = DisputeCourt.Period.Reveal;
    DisputeCourt.Period internal constant APPEAL_P = DisputeCourt.Period.Appeal;
    DisputeCourt.Period internal constant EXECUTED_P = DisputeCourt.Period.Executed;

    function setUp() public {
        _deployCourtDefault();
        _bench(5, MIN_STAKE);
    }

    // ───────────────────────────── helpers ─────────────────────────────

    /// From now on every seat locks a whole minimum stake: each bench juror can hold one seat, so
    /// the three seats of round 0 go to three different jurors.
    function _oneSeatEach() internal {
        vm.prank(admin);
        courtProxy.setLockPerSeat(MIN_STAKE);
    }

    /// A dispute drawn and in its Commit period: (orderId, disputeId, drawn jurors).
    function _drawnDispute() internal returns (uint256 orderId, uint256 disputeId, address[] memory drawn) {
        (orderId, disputeId) = _openDispute();
        _advance(disputeId);
        drawn = _drawn(disputeId);
    }

    function _expectWrongPeriod(uint256 disputeId, DisputeCourt.Period period) internal {
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.WrongPeriod.selector, disputeId, period));
    }

    function _expectUnauthorized(address who, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role));
    }

    function _stakeOf(address juror) internal view returns (uint256) {
        return courtProxy.jurorOf(juror).stake;
    }

    function _creditOf(address juror) internal view returns (uint256) {
        return courtProxy.jurorOf(juror).withdrawable;
    }

    function _assertSolvent() internal view {
        assertGe(address(courtProxy).balance, _owed(), "court holds what it owes");
    }

    /// Round settled: fees + penalties == rewards + what the treasury received.
    function _assertConserved(uint256 disputeId, uint256 round, uint256 toTreasury) internal view {
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, round);
        assertTrue(r.settled, "settled");
        assertEq(r.fees + r.penalties, r.rewards + toTreasury, "fees + penalties == rewards + treasury");
    }

    // ───────────────────────────── setup ─────────────────────────────

    function test_constants_haveDocumentedValues() public view {
        assertEq(courtProxy.CHOICES(), 2);
        assertEq(courtProxy.FIRST_SEATS(), 3);
        assertEq(courtProxy.MAX_ROUNDS_LIMIT(), 5);
        assertEq(courtProxy.MIN_DURATION(), 1 minutes);
        assertEq(courtProxy.MAX_DURATION(), 30 days);
        assertEq(courtProxy.MAX_FEE_PER_SEAT(), 10 ether);
        assertEq(courtProxy.MAX_MIN_STAKE(), 10_000 ether);
        assertEq(courtProxy.MAX_URI_LENGTH(), 256);
        assertEq(courtProxy.GOVERNOR_ROLE(), keccak256("GOVERNOR_ROLE"));
        assertEq(courtProxy.UPGRADER_ROLE(), keccak256("UPGRADER_ROLE"));
        assertEq(courtProxy.seatsFor(0), 3);
        assertEq(courtProxy.seatsFor(1), 7);
        assertEq(courtProxy.seatsFor(2), 15);
        assertEq(courtProxy.seatsFor(3), 31);
        assertEq(courtProxy.seatsFor(4), 63);
    }

    function test_initialize_setsParamsRolesAndEmits() public {
        DisputeCourt.Params memory p = courtProxy.params();
        assertEq(keccak256(abi.encode(p)), keccak256(abi.encode(_params())));
        assertTrue(courtProxy.hasRole(0x00, admin));
        assertTrue(courtProxy.hasRole(courtProxy.GOVERNOR_ROLE(), admin));
        assertTrue(courtProxy.hasRole(courtProxy.UPGRADER_ROLE(), admin));
        assertEq(courtProxy.disputeCount(), 0);

        DisputeCourt impl = new DisputeCourt();
        address expected = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(expected);
        emit DisputeCourt.TreasurySet(courtTreasury);
        vm.expectEmit(expected);
        emit DisputeCourt.MinStakeSet(MIN_STAKE);
        vm.expectEmit(expected);
        emit DisputeCourt.LockPerSeatSet(LOCK_PER_SEAT);
        vm.expectEmit(expected);
        emit DisputeCourt.FeePerSeatSet(FEE_PER_SEAT);
        vm.expectEmit(expected);
        emit DisputeCourt.DurationsSet(EVIDENCE, COMMIT, REVEAL, APPEAL);
        vm.expectEmit(expected);
        emit DisputeCourt.MaxRoundsSet(MAX_ROUNDS);
        new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (admin, _params())));
    }

    function test_initialize_validatesEverything() public {
        DisputeCourt impl = new DisputeCourt();
        DisputeCourt.Params memory p = _params();
        vm.expectRevert(DisputeCourt.ZeroAddress.selector);
        new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (address(0), p)));
        p.treasury = address(0);
        vm.expectRevert(DisputeCourt.ZeroAddress.selector);
        new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (admin, p)));
        p = _params();
        p.minStake = 0;
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidMinStake.selector, 0));
        new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (admin, p)));
        p = _params();
        p.lockPerSeat = MIN_STAKE + 1;
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidLockPerSeat.selector, MIN_STAKE + 1));
        new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (admin, p)));
        p = _params();
        p.commitDuration = 59;
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidDuration.selector, 59));
        new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (admin, p)));
        p = _params();
        p.maxRounds = 0;
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidMaxRounds.selector, 0));
        new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (admin, p)));
        vm.expectRevert();
        impl.initialize(admin, _params());
    }

    function test_storage_usesErc7201NamespacedSlot() public view {
        bytes32 expected =
            keccak256(abi.encode(uint256(keccak256("oso.storage.DisputeCourt")) - 1)) & ~bytes32(uint256(0xff));
        assertEq(expected, STORAGE_LOCATION);
        // slot 0 of the namespace: minStake (low 128 bits) | feePerSeat
        uint256 word = uint256(vm.load(address(courtProxy), STORAGE_LOCATION));
        assertEq(uint128(word), MIN_STAKE);
        assertEq(word >> 128, FEE_PER_SEAT);
    }

    function test_supportsInterface_reportsArbitratorAndAccessControl() public view {
        assertTrue(courtProxy.supportsInterface(type(IArbitrator).interfaceId));
        assertTrue(courtProxy.supportsInterface(type(IAccessControl).interfaceId));
        assertTrue(courtProxy.supportsInterface(type(IERC165).interfaceId));
        assertFalse(courtProxy.supportsInterface(0xdeadbeef));
    }

    // ───────────────────────────── lifecycle ─────────────────────────────

    function test_lifecycle_rulingForBuyerRefundsAndRewardsCoherentJurors() public {
        (uint256 orderId, uint256 disputeId) = _openDispute();
        assertEq(disputeId, 1);
        assertEq(courtProxy.disputeCount(), 1);
        assertEq(uint8(courtProxy.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Waiting));
        _assertPeriod(disputeId, EVIDENCE_P);
        assertEq(courtProxy.heldFees(), 3 * FEE_PER_SEAT);

        _advance(disputeId); // draw
        _assertPeriod(disputeId, COMMIT_P);
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.seats, 3);
        uint256 seats;
        for (uint256 i; i < r.ballots.length; ++i) {
            seats += r.ballots[i].seats;
            assertEq(r.ballots[i].locked, LOCK_PER_SEAT * r.ballots[i].seats);
            assertEq(courtProxy.jurorOf(r.ballots[i].juror).locked, LOCK_PER_SEAT * r.ballots[i].seats);
        }
        assertEq(seats, 3);

        _voteAll(disputeId, 1);
        _assertPeriod(disputeId, APPEAL_P);
        assertEq(courtProxy.currentRuling(disputeId), 1);
        assertEq(uint8(courtProxy.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Appealable));

        _advance(disputeId); // appeal window over: executed
        _assertPeriod(disputeId, EXECUTED_P);
        assertEq(uint8(courtProxy.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Solved));
        _assertState(orderId, IMarketplace.OrderState.Ruled);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Buyer));
        assertEq(market.creditOf(buyer), PRICE);
        assertEq(reputation.loserOf(orderId), seller, "the seller lost XP");

        r = courtProxy.getRound(disputeId, 0);
        assertTrue(r.settled);
        assertEq(r.coherentSeats, 3);
        assertEq(r.votes[1], 3);
        assertEq(r.rewards, 3 * FEE_PER_SEAT);
        for (uint256 i; i < r.ballots.length; ++i) {
            DisputeCourt.JurorView memory j = courtProxy.jurorOf(r.ballots[i].juror);
            assertEq(j.locked, 0);
            assertEq(j.stake, MIN_STAKE);
            assertEq(j.withdrawable, FEE_PER_SEAT * r.ballots[i].seats);
            assertEq(j.drawWeight, MIN_STAKE, "weight back to the whole stake");
        }
        assertEq(courtProxy.heldFees(), 0);
        _assertSolvent();
    }

    function test_lifecycle_rulingForSellerPaysTheSeller() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 2);
        assertEq(courtProxy.currentRuling(disputeId), 2);
        _advance(disputeId);
        _assertState(orderId, IMarketplace.OrderState.Ruled);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Seller));
        uint256 fee = _fee(PRICE, FEE_BPS);
        assertEq(market.creditOf(seller), PRICE - fee);
        assertEq(market.creditOf(buyer), 0);
        assertEq(reputation.loserOf(orderId), buyer, "the buyer lost XP");
        _assertConserved(disputeId, 0, 0);
        _assertSolvent();
    }

    function test_lifecycle_refusedRulingSplitsTheEscrow() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 0);
        assertEq(courtProxy.currentRuling(disputeId), 0);
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.coherentSeats, 3, "voters of 0 are coherent when 0 has the majority");
        assertEq(r.rewards, 3 * FEE_PER_SEAT);
        _advance(disputeId);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Refused));
        assertEq(market.creditOf(buyer), PRICE / 2);
        assertEq(market.creditOf(seller), PRICE / 2);
        assertEq(reputation.disputeLossCalls(), 0, "nobody loses a refused dispute");
    }

    function test_lifecycle_emitsTheStandardEvents() public {
        uint256 orderId = _delivered();
        uint256 cost = courtProxy.arbitrationCost("");
        vm.deal(buyer, buyer.balance + cost);
        vm.expectEmit(address(courtProxy));
        emit IArbitrator.DisputeCreation(1, IArbitrable(address(market)));
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.NewPeriod(1, 0, EVIDENCE_P, block.timestamp);
        vm.expectEmit(address(market));
        emit IEvidence.Dispute(IArbitrator(address(courtProxy)), 1, 0, 1);
        vm.expectEmit(address(market));
        emit IEvidence.Evidence(IArbitrator(address(courtProxy)), 1, buyer, "ipfs://reason");
        vm.prank(buyer);
        market.dispute{value: cost}(orderId, "ipfs://reason");

        _advance(1);
        address[] memory drawn = _drawn(1);
        for (uint256 i; i < drawn.length; ++i) {
            _commit(drawn[i], 1, 2);
        }
        courtProxy.advance(1);
        for (uint256 i; i < drawn.length; ++i) {
            _reveal(drawn[i], 1, 2);
        }
        vm.expectEmit(address(courtProxy));
        emit IArbitrator.AppealPossible(1, IArbitrable(address(market)));
        courtProxy.advance(1);
        vm.warp(block.timestamp + APPEAL);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.DisputeExecuted(1, address(market), 2);
        vm.expectEmit(address(market));
        emit IArbitrable.Ruling(IArbitrator(address(courtProxy)), 1, 2);
        courtProxy.advance(1);
    }

    function test_lifecycle_finalRulingIsAppliedOnce() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1);
        _advance(disputeId);
        _expectWrongPeriod(disputeId, EXECUTED_P);
        courtProxy.advance(disputeId);
        vm.warp(block.timestamp + 365 days);
        _expectWrongPeriod(disputeId, EXECUTED_P);
        courtProxy.advance(disputeId);
        // The market refuses a second ruling for the order too.
        vm.prank(address(courtProxy));
        vm.expectRevert(
            abi.encodeWithSelector(Marketplace.WrongState.selector, orderId, IMarketplace.OrderState.Ruled)
        );
        market.rule(disputeId, 2);
        assertEq(courtProxy.currentRuling(disputeId), 1);
        assertEq(market.creditOf(buyer), PRICE);
    }

    // ───────────────────────────── advance ─────────────────────────────

    function test_advance_tooEarlyRevertsInEveryPeriod() public {
        _oneSeatEach();
        (, uint256 disputeId) = _openDispute();
        uint256 start = block.timestamp;
        vm.warp(start + EVIDENCE - 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.PeriodNotOver.selector, disputeId, start + EVIDENCE));
        courtProxy.advance(disputeId);
        vm.warp(start + EVIDENCE);
        courtProxy.advance(disputeId);

        start = block.timestamp;
        address[] memory drawn = _drawn(disputeId);
        _commit(drawn[0], disputeId, 1);
        _commit(drawn[1], disputeId, 1);
        vm.warp(start + COMMIT - 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.PeriodNotOver.selector, disputeId, start + COMMIT));
        courtProxy.advance(disputeId);
        _commit(drawn[2], disputeId, 1);
        courtProxy.advance(disputeId); // every juror committed: early

        start = block.timestamp;
        _reveal(drawn[0], disputeId, 1);
        vm.warp(start + REVEAL - 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.PeriodNotOver.selector, disputeId, start + REVEAL));
        courtProxy.advance(disputeId);
        vm.warp(start + REVEAL);
        courtProxy.advance(disputeId); // two never revealed

        start = block.timestamp;
        vm.warp(start + APPEAL - 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.PeriodNotOver.selector, disputeId, start + APPEAL));
        courtProxy.advance(disputeId);
        vm.warp(start + APPEAL);
        courtProxy.advance(disputeId);
        _assertPeriod(disputeId, EXECUTED_P);
    }

    function testFuzz_advance_outOfEvidenceExactlyWhenItIsOver(uint32 elapsed) public {
        (, uint256 disputeId) = _openDispute();
        uint256 start = block.timestamp;
        elapsed = uint32(bound(elapsed, 0, 3 * EVIDENCE));
        vm.warp(start + elapsed);
        if (elapsed < EVIDENCE) {
            vm.expectRevert(abi.encodeWithSelector(DisputeCourt.PeriodNotOver.selector, disputeId, start + EVIDENCE));
            courtProxy.advance(disputeId);
            _assertPeriod(disputeId, EVIDENCE_P);
        } else {
            courtProxy.advance(disputeId);
            _assertPeriod(disputeId, COMMIT_P);
            assertEq(courtProxy.getDispute(disputeId).periodStart, block.timestamp);
            assertEq(courtProxy.getDispute(disputeId).periodEnd, block.timestamp + COMMIT);
        }
    }

    function test_advance_emitsNewPeriodWithTheRound() public {
        (, uint256 disputeId) = _openDispute();
        vm.warp(block.timestamp + EVIDENCE);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.NewPeriod(disputeId, 0, COMMIT_P, block.timestamp);
        courtProxy.advance(disputeId);
    }

    function test_advance_revertsForUnknownDispute() public {
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.UnknownDispute.selector, 7));
        courtProxy.advance(7);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.UnknownDispute.selector, 0));
        courtProxy.getDispute(0);
    }

    function test_advance_withoutDrawableJurorsWaitsInEvidence() public {
        // Everyone leaves the court.
        for (uint256 i; i < jurors.length; ++i) {
            vm.prank(jurors[i]);
            courtProxy.unstake(MIN_STAKE);
        }
        assertEq(courtProxy.totalDrawWeight(), 0);
        (, uint256 disputeId) = _openDispute();
        vm.warp(block.timestamp + EVIDENCE);
        vm.expectRevert(DisputeCourt.NoJurors.selector);
        courtProxy.advance(disputeId);
        _assertPeriod(disputeId, EVIDENCE_P);
        // Evidence is still welcome while it waits.
        courtProxy.submitEvidence(disputeId, "ipfs://late");
        _stake(stranger, MIN_STAKE);
        courtProxy.advance(disputeId);
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.ballots.length, 1);
        assertEq(r.ballots[0].juror, stranger);
        assertEq(r.ballots[0].seats, 3, "the only juror holds every seat");
    }

    function test_advance_revertsNoJurorsWhenThePoolRunsOutMidDraw() public {
        _oneSeatEach();
        for (uint256 i = 2; i < jurors.length; ++i) {
            vm.prank(jurors[i]);
            courtProxy.unstake(MIN_STAKE);
        }
        (, uint256 disputeId) = _openDispute();
        vm.warp(block.timestamp + EVIDENCE);
        vm.expectRevert(DisputeCourt.NoJurors.selector);
        courtProxy.advance(disputeId); // two seats' worth of stake for three seats
        assertEq(courtProxy.jurorOf(jurors[0]).locked, 0, "the failed draw locked nothing");
    }

    // ───────────────────────────── draw ─────────────────────────────

    function test_draw_aJurorDrawnSeveralTimesVotesOnceWithItsSeats() public {
        for (uint256 i = 1; i < jurors.length; ++i) {
            vm.prank(jurors[i]);
            courtProxy.unstake(MIN_STAKE);
        }
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        address only = jurors[0];
        DisputeCourt.BallotView memory b = courtProxy.getJurorVote(disputeId, 0, only);
        assertEq(b.seats, 3);
        assertEq(b.locked, 3 * LOCK_PER_SEAT);
        assertEq(courtProxy.jurorOf(only).drawWeight, MIN_STAKE - 3 * LOCK_PER_SEAT);
        _commit(only, disputeId, 2);
        vm.prank(only);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.AlreadyCommitted.selector, disputeId, only));
        courtProxy.commit(disputeId, bytes32(uint256(1)));
        courtProxy.advance(disputeId);
        _reveal(only, disputeId, 2);
        courtProxy.advance(disputeId);
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.votes[2], 3, "one reveal weighs three seats");
        assertEq(r.coherentSeats, 3);
        assertEq(_creditOf(only), 3 * FEE_PER_SEAT);
        _advance(disputeId);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Seller));
    }

    function test_draw_lockedStakeIsNotDrawableBelowOneSeat() public {
        _oneSeatEach();
        (,, address[] memory drawn) = _drawnDispute();
        assertEq(drawn.length, 3, "one seat per juror");
        for (uint256 i; i < 3; ++i) {
            DisputeCourt.JurorView memory j = courtProxy.jurorOf(drawn[i]);
            assertEq(j.locked, MIN_STAKE);
            assertEq(j.drawWeight, 0, "no free stake left for a seat");
        }
        assertEq(courtProxy.totalDrawWeight(), 2 * MIN_STAKE);
    }

    function testFuzz_draw_locksSeatsWithinStakes(uint96[5] memory extra, uint256 randao) public {
        for (uint256 i; i < 5; ++i) {
            uint256 more = bound(extra[i], 0, 50 ether);
            if (more != 0) _stake(jurors[i], more);
        }
        vm.prevrandao(bytes32(randao));
        (, uint256 disputeId,) = _drawnDispute();
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        uint256 seats;
        for (uint256 i; i < r.ballots.length; ++i) {
            DisputeCourt.BallotView memory b = r.ballots[i];
            DisputeCourt.JurorView memory j = courtProxy.jurorOf(b.juror);
            seats += b.seats;
            assertGt(b.seats, 0);
            assertEq(j.locked, b.locked, "the juror's lock is this round's");
            assertEq(b.locked, uint256(b.seats) * LOCK_PER_SEAT);
            assertLe(j.locked, j.stake);
            uint256 free = j.stake - j.locked;
            assertEq(j.drawWeight, free >= LOCK_PER_SEAT ? free : 0);
        }
        assertEq(seats, 3);
    }

    function test_draw_followsPrevrandao() public {
        // Juror 0 holds almost all the weight: it is drawn for nearly every seat whatever the seed.
        _stake(jurors[0], 1000 ether);
        vm.prevrandao(bytes32(uint256(42)));
        (, uint256 disputeId,) = _drawnDispute();
        assertGe(courtProxy.getJurorVote(disputeId, 0, jurors[0]).seats, 2);
    }

    // ───────────────────────────── commit ─────────────────────────────

    function test_commit_outsideItsPeriodReverts() public {
        (, uint256 disputeId) = _openDispute();
        vm.prank(jurors[0]);
        _expectWrongPeriod(disputeId, EVIDENCE_P);
        courtProxy.commit(disputeId, bytes32(uint256(1)));
        _advance(disputeId);
        address[] memory drawn = _drawn(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            _commit(drawn[i], disputeId, 1);
        }
        courtProxy.advance(disputeId);
        vm.prank(drawn[0]);
        _expectWrongPeriod(disputeId, REVEAL_P);
        courtProxy.commit(disputeId, bytes32(uint256(1)));
    }

    function test_commit_onlyDrawnJurorsWithANonZeroHashOnce() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        address outsider;
        for (uint256 i; i < jurors.length; ++i) {
            if (courtProxy.getJurorVote(disputeId, 0, jurors[i]).seats == 0) outsider = jurors[i];
        }
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.NotDrawn.selector, disputeId, outsider));
        courtProxy.commit(disputeId, bytes32(uint256(1)));
        vm.prank(drawn[0]);
        vm.expectRevert(DisputeCourt.InvalidCommitment.selector);
        courtProxy.commit(disputeId, bytes32(0));

        bytes32 h = courtProxy.hashVote(1, _salt(drawn[0], disputeId, 0), drawn[0], disputeId, 0);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.VoteCommitted(disputeId, 0, drawn[0], h);
        vm.prank(drawn[0]);
        courtProxy.commit(disputeId, h);
        vm.prank(drawn[0]);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.AlreadyCommitted.selector, disputeId, drawn[0]));
        courtProxy.commit(disputeId, h);
        assertEq(courtProxy.getRound(disputeId, 0).commits, 1);
        assertTrue(courtProxy.getJurorVote(disputeId, 0, drawn[0]).committed);
    }

    function test_hashVote_bindsChoiceSaltJurorDisputeAndRound() public view {
        bytes32 h = courtProxy.hashVote(1, bytes32("s"), alice, 1, 0);
        assertEq(h, keccak256(abi.encode(uint256(1), bytes32("s"), alice, uint256(1), uint256(0))));
        assertTrue(h != courtProxy.hashVote(2, bytes32("s"), alice, 1, 0));
        assertTrue(h != courtProxy.hashVote(1, bytes32("t"), alice, 1, 0));
        assertTrue(h != courtProxy.hashVote(1, bytes32("s"), bob, 1, 0));
        assertTrue(h != courtProxy.hashVote(1, bytes32("s"), alice, 2, 0));
        assertTrue(h != courtProxy.hashVote(1, bytes32("s"), alice, 1, 1));
    }

    // ───────────────────────────── reveal ─────────────────────────────

    function test_reveal_outsideItsPeriodReverts() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        _commit(drawn[0], disputeId, 1);
        vm.prank(drawn[0]);
        _expectWrongPeriod(disputeId, COMMIT_P);
        courtProxy.reveal(disputeId, 1, _salt(drawn[0], disputeId, 0));
        _advance(disputeId);
        _advance(disputeId); // nobody revealed: appeal
        vm.prank(drawn[0]);
        _expectWrongPeriod(disputeId, APPEAL_P);
        courtProxy.reveal(disputeId, 1, _salt(drawn[0], disputeId, 0));
    }

    function test_reveal_aCopiedCommitmentCannotBeRevealedByAnotherJuror() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        address honest = drawn[0];
        address copier = drawn[1];
        bytes32 salt = _salt(honest, disputeId, 0);
        bytes32 h = courtProxy.hashVote(2, salt, honest, disputeId, 0);
        vm.prank(honest);
        courtProxy.commit(disputeId, h);
        vm.prank(copier);
        courtProxy.commit(disputeId, h); // copied from the honest juror's transaction
        _advance(disputeId);
        vm.prank(honest);
        courtProxy.reveal(disputeId, 2, salt); // now public
        vm.prank(copier);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.RevealMismatch.selector, disputeId, copier));
        courtProxy.reveal(disputeId, 2, salt);
        for (uint256 c; c <= 2; ++c) {
            vm.prank(copier);
            vm.expectRevert(abi.encodeWithSelector(DisputeCourt.RevealMismatch.selector, disputeId, copier));
            courtProxy.reveal(disputeId, c, salt);
        }
        _advance(disputeId);
        // The copier counts as not revealing: penalised.
        assertEq(_stakeOf(copier), 0);
        assertEq(_stakeOf(honest), MIN_STAKE);
    }

    function test_reveal_twiceReverts() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        _commit(drawn[0], disputeId, 1);
        _advance(disputeId);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.VoteRevealed(disputeId, 0, drawn[0], 1, 1);
        _reveal(drawn[0], disputeId, 1);
        vm.prank(drawn[0]);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.AlreadyRevealed.selector, disputeId, drawn[0]));
        courtProxy.reveal(disputeId, 1, _salt(drawn[0], disputeId, 0));
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.reveals, 1);
        assertEq(r.votes[1], 1, "counted once");
    }

    function test_reveal_rejectsUncommittedUndrawnWrongSaltAndBadChoice() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        _commit(drawn[0], disputeId, 1);
        _advance(disputeId);
        vm.prank(drawn[1]);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.NotCommitted.selector, disputeId, drawn[1]));
        courtProxy.reveal(disputeId, 1, _salt(drawn[1], disputeId, 0));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.NotDrawn.selector, disputeId, stranger));
        courtProxy.reveal(disputeId, 1, bytes32(0));
        vm.prank(drawn[0]);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.RevealMismatch.selector, disputeId, drawn[0]));
        courtProxy.reveal(disputeId, 1, bytes32("wrong salt"));
        vm.prank(drawn[0]);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.RevealMismatch.selector, disputeId, drawn[0]));
        courtProxy.reveal(disputeId, 2, _salt(drawn[0], disputeId, 0));
        vm.prank(drawn[0]);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidChoice.selector, 3));
        courtProxy.reveal(disputeId, 3, _salt(drawn[0], disputeId, 0));
    }

    // ───────────────────────────── incentives ─────────────────────────────

    function test_settle_noRevealIsPenalisedLikeIncoherence() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        _commit(drawn[0], disputeId, 1);
        _commit(drawn[1], disputeId, 1);
        _commit(drawn[2], disputeId, 1); // commits but never reveals
        courtProxy.advance(disputeId);
        _reveal(drawn[0], disputeId, 1);
        _reveal(drawn[1], disputeId, 1);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.JurorSettled(disputeId, 0, drawn[2], 0, MIN_STAKE, 0);
        _advance(disputeId);

        uint256 pool = 3 * FEE_PER_SEAT + MIN_STAKE;
        assertEq(_stakeOf(drawn[2]), 0, "the lock is lost");
        assertEq(courtProxy.jurorOf(drawn[2]).locked, 0);
        assertEq(_creditOf(drawn[0]), pool / 2);
        assertEq(_creditOf(drawn[1]), pool / 2);
        assertEq(_stakeOf(drawn[0]), MIN_STAKE);
        assertEq(_creditOf(courtTreasury), pool - 2 * (pool / 2), "rounding dust");
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.penalties, MIN_STAKE);
        assertEq(r.coherentSeats, 2);
        _assertConserved(disputeId, 0, pool - 2 * (pool / 2));
        _assertSolvent();
    }

    function test_settle_incoherentRevealerIsPenalisedAndCoherentSharePool() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        _commit(drawn[0], disputeId, 2);
        _commit(drawn[1], disputeId, 2);
        _commit(drawn[2], disputeId, 1);
        courtProxy.advance(disputeId);
        _reveal(drawn[0], disputeId, 2);
        _reveal(drawn[1], disputeId, 2);
        _reveal(drawn[2], disputeId, 1);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.RoundSettled(disputeId, 0, 2, 2, 3 * FEE_PER_SEAT, MIN_STAKE, 0);
        courtProxy.advance(disputeId); // everyone revealed: early
        assertEq(courtProxy.currentRuling(disputeId), 2);
        assertEq(_stakeOf(drawn[2]), 0);
        assertEq(_creditOf(drawn[0]), (3 * FEE_PER_SEAT + MIN_STAKE) / 2);
        assertEq(courtProxy.totalStaked(), 4 * MIN_STAKE);
    }

    function test_settle_tieRulesRefusedRevealersKeepStakeAndTreasuryTakesThePool() public {
        _oneSeatEach();
        (uint256 orderId, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        _commit(drawn[0], disputeId, 1);
        _commit(drawn[1], disputeId, 2);
        _commit(drawn[2], disputeId, 2); // never reveals
        courtProxy.advance(disputeId);
        _reveal(drawn[0], disputeId, 1);
        _reveal(drawn[1], disputeId, 2);
        _advance(disputeId);

        assertEq(courtProxy.currentRuling(disputeId), 0, "a tie is refused");
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.coherentSeats, 0);
        assertEq(r.rewards, 0);
        assertEq(_stakeOf(drawn[0]), MIN_STAKE, "revealers are not penalised in a tie");
        assertEq(_stakeOf(drawn[1]), MIN_STAKE);
        assertEq(courtProxy.jurorOf(drawn[0]).locked, 0, "their locks are released");
        assertEq(_creditOf(drawn[0]), 0, "nor rewarded");
        assertEq(_stakeOf(drawn[2]), 0, "the non-revealer is penalised");
        assertEq(_creditOf(courtTreasury), 3 * FEE_PER_SEAT + MIN_STAKE, "fees and penalties to the treasury");
        _assertConserved(disputeId, 0, 3 * FEE_PER_SEAT + MIN_STAKE);

        _advance(disputeId);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Refused));
        assertEq(market.creditOf(buyer), PRICE / 2);
    }

    function test_settle_threeWayTieNobodyPenalised() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        for (uint256 i; i < 3; ++i) {
            _commit(drawn[i], disputeId, i);
        }
        courtProxy.advance(disputeId);
        for (uint256 i; i < 3; ++i) {
            _reveal(drawn[i], disputeId, i);
        }
        courtProxy.advance(disputeId);
        assertEq(courtProxy.currentRuling(disputeId), 0);
        assertEq(courtProxy.getRound(disputeId, 0).penalties, 0);
        assertEq(courtProxy.totalStaked(), 5 * MIN_STAKE);
        assertEq(_creditOf(courtTreasury), 3 * FEE_PER_SEAT);
    }

    function test_settle_nobodyVotesDoesNotStall() public {
        _oneSeatEach();
        (uint256 orderId, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        _advance(disputeId); // commit period over, nobody committed
        _assertPeriod(disputeId, REVEAL_P);
        _advance(disputeId); // reveal period over
        _assertPeriod(disputeId, APPEAL_P);
        assertEq(courtProxy.currentRuling(disputeId), 0);
        for (uint256 i; i < 3; ++i) {
            assertEq(_stakeOf(drawn[i]), 0, "every non-voter is penalised");
        }
        assertEq(_creditOf(courtTreasury), 3 * FEE_PER_SEAT + 3 * MIN_STAKE);
        _advance(disputeId);
        _assertPeriod(disputeId, EXECUTED_P);
        _assertState(orderId, IMarketplace.OrderState.Ruled);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Refused));
        _assertSolvent();
    }

    function test_settle_penalisedJurorBelowMinStakeIsNotDrawable() public {
        (, uint256 disputeId) = _openDispute();
        _advance(disputeId);
        address[] memory drawn = _drawn(disputeId);
        _advance(disputeId);
        _advance(disputeId); // nobody voted: every drawn juror lost its locks
        for (uint256 i; i < drawn.length; ++i) {
            DisputeCourt.JurorView memory j = courtProxy.jurorOf(drawn[i]);
            assertLt(j.stake, MIN_STAKE);
            assertEq(j.drawWeight, 0, "below the minimum stake: not drawable");
            // It may top up, or leave with what is left.
            vm.prank(drawn[i]);
            courtProxy.unstake(j.stake);
        }
    }

    function testFuzz_settle_conservesMoney(uint256 votes, uint256 randao) public {
        vm.prevrandao(bytes32(randao));
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        // Each drawn juror: 0 = silent, 1 = commits only, 2..4 = reveals choice 0..2.
        uint256[] memory act = new uint256[](drawn.length);
        for (uint256 i; i < drawn.length; ++i) {
            act[i] = (votes >> (8 * i)) % 5;
            if (act[i] != 0) _commit(drawn[i], disputeId, act[i] >= 2 ? act[i] - 2 : 0);
        }
        _advance(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            if (act[i] >= 2) _reveal(drawn[i], disputeId, act[i] - 2);
        }
        uint256 treasuryBefore = _creditOf(courtTreasury);
        _advance(disputeId);
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        _assertConserved(disputeId, 0, _creditOf(courtTreasury) - treasuryBefore);
        for (uint256 i; i < drawn.length; ++i) {
            assertEq(courtProxy.jurorOf(drawn[i]).locked, 0, "every lock released");
        }
        assertEq(courtProxy.totalStaked() + r.penalties, 5 * MIN_STAKE);
        assertEq(courtProxy.heldFees(), 0);
        assertEq(courtProxy.totalCredits(), r.fees + r.penalties);
        _assertSolvent();
    }

    // ───────────────────────────── appeals ─────────────────────────────

    function test_appeal_losingSideStartsABiggerRound() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1); // for the buyer
        uint256 cost = courtProxy.appealCost(disputeId, "");
        assertEq(cost, 7 * FEE_PER_SEAT);
        assertEq(courtProxy.getDispute(disputeId).appealCost, cost);
        (uint256 start, uint256 end) = courtProxy.appealPeriod(disputeId);
        assertEq(start, block.timestamp);
        assertEq(end, block.timestamp + APPEAL);

        // The winner may not appeal; the loser may.
        vm.deal(buyer, 1 ether);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotLosingParty.selector, orderId, buyer));
        market.appeal{value: cost}(orderId);
        vm.deal(seller, 1 ether);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.WrongFee.selector, cost - 1, cost));
        market.appeal{value: cost - 1}(orderId);
        vm.expectEmit(address(courtProxy));
        emit IArbitrator.AppealDecision(disputeId, IArbitrable(address(market)));
        vm.expectEmit(address(market));
        emit Marketplace.OrderAppealed(orderId, seller, disputeId, cost);
        vm.prank(seller);
        market.appeal{value: cost}(orderId);

        DisputeCourt.DisputeView memory d = courtProxy.getDispute(disputeId);
        assertEq(d.round, 1);
        assertEq(uint8(d.period), uint8(EVIDENCE_P));
        assertEq(courtProxy.getRound(disputeId, 1).seats, 7);
        assertEq(courtProxy.getRound(disputeId, 1).fees, cost);
        courtProxy.submitEvidence(disputeId, "ipfs://more");
        _advance(disputeId);
        uint256 seats;
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 1);
        for (uint256 i; i < r.ballots.length; ++i) {
            seats += r.ballots[i].seats;
        }
        assertEq(seats, 7, "2n + 1 seats");
        _voteAll(disputeId, 2); // the appeal turns the ruling
        assertEq(courtProxy.currentRuling(disputeId), 2);
        _assertState(orderId, IMarketplace.OrderState.Disputed);

        // Now the buyer lost and appeals: the third and last round (15 seats).
        uint256 cost2 = courtProxy.appealCost(disputeId, "");
        assertEq(cost2, 15 * FEE_PER_SEAT);
        vm.prank(buyer);
        market.appeal{value: cost2}(orderId);
        assertEq(courtProxy.getDispute(disputeId).appealCost, type(uint256).max, "last round");
        _advance(disputeId);
        _voteAll(disputeId, 2);
        // The last round skips the appeal period: executed at once.
        _assertPeriod(disputeId, EXECUTED_P);
        _assertState(orderId, IMarketplace.OrderState.Ruled);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Seller));
        assertEq(courtProxy.heldFees(), 0);
        _assertSolvent();
    }

    function test_appeal_afterRefusalEitherPartyMay() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 0);
        uint256 cost = courtProxy.appealCost(disputeId, "");
        vm.deal(stranger, 1 ether);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotLosingParty.selector, orderId, stranger));
        market.appeal{value: cost}(orderId);
        vm.deal(buyer, 1 ether);
        vm.prank(buyer);
        market.appeal{value: cost}(orderId);
        assertEq(courtProxy.getDispute(disputeId).round, 1);
    }

    function test_appeal_windowAndPeriodAreEnforced() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        vm.deal(seller, 1 ether);
        // During Commit: no ruling yet, the court refuses.
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.WrongPeriod.selector, disputeId, COMMIT_P));
        market.appeal{value: 7 * FEE_PER_SEAT}(orderId);
        _voteAll(disputeId, 1);
        uint256 end = block.timestamp + APPEAL;
        vm.warp(end);
        assertEq(uint8(courtProxy.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Waiting));
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.AppealPeriodOver.selector, disputeId, end));
        market.appeal{value: 7 * FEE_PER_SEAT}(orderId);
    }

    function test_appeal_onlyTheArbitrable() public {
        (, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1);
        vm.deal(seller, 1 ether);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.NotArbitrable.selector, disputeId, seller));
        courtProxy.appeal{value: 7 * FEE_PER_SEAT}(disputeId, "");
    }

    function test_appeal_noMoreAppealsWhenGovernanceLowersTheRounds() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1);
        vm.prank(admin);
        courtProxy.setMaxRounds(1);
        assertEq(courtProxy.appealCost(disputeId, ""), type(uint256).max);
        vm.deal(seller, 1 ether);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.NoMoreAppeals.selector, disputeId));
        market.appeal{value: 7 * FEE_PER_SEAT}(orderId);
        _advance(disputeId);
        _assertState(orderId, IMarketplace.OrderState.Ruled);
    }

    function test_appeal_singleRoundCourtExecutesAfterReveal() public {
        vm.prank(admin);
        courtProxy.setMaxRounds(1);
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 2);
        _assertPeriod(disputeId, EXECUTED_P);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Seller));
        (uint256 start, uint256 end) = courtProxy.appealPeriod(disputeId);
        assertEq(start + end, 0);
    }

    // ───────────────────────────── staking ─────────────────────────────

    function test_stake_requiresTheMinimumAndEmits() public {
        vm.deal(stranger, 10 ether);
        vm.prank(stranger);
        vm.expectRevert(DisputeCourt.ZeroAmount.selector);
        courtProxy.stake();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.StakeTooLow.selector, MIN_STAKE - 1, MIN_STAKE));
        courtProxy.stake{value: MIN_STAKE - 1}();
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.Staked(stranger, MIN_STAKE, MIN_STAKE);
        vm.prank(stranger);
        courtProxy.stake{value: MIN_STAKE}();
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.Staked(stranger, 1, MIN_STAKE + 1);
        vm.prank(stranger);
        courtProxy.stake{value: 1}(); // a top-up may be small
        DisputeCourt.JurorView memory j = courtProxy.jurorOf(stranger);
        assertEq(j.stake, MIN_STAKE + 1);
        assertEq(j.drawWeight, MIN_STAKE + 1);
        assertEq(courtProxy.totalStaked(), 6 * MIN_STAKE + 1);
        assertEq(courtProxy.totalDrawWeight(), 6 * MIN_STAKE + 1);
    }

    function test_unstake_whileDrawnReverts() public {
        _oneSeatEach();
        (, uint256 disputeId, address[] memory drawn) = _drawnDispute();
        vm.prank(drawn[0]);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.StakeLocked.selector, MIN_STAKE));
        courtProxy.unstake(1);
        _voteAll(disputeId, 1);
        // Settled: the lock is released and the juror may leave with stake and reward.
        vm.prank(drawn[0]);
        courtProxy.unstake(MIN_STAKE);
        assertEq(drawn[0].balance, MIN_STAKE);
    }

    function test_unstake_leavesZeroOrAtLeastTheMinimum() public {
        address j = jurors[0];
        _stake(j, 1 ether);
        vm.prank(j);
        vm.expectRevert(DisputeCourt.ZeroAmount.selector);
        courtProxy.unstake(0);
        vm.prank(j);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InsufficientStake.selector, 3 ether, 2 ether));
        courtProxy.unstake(3 ether);
        vm.prank(j);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.StakeTooLow.selector, 0.5 ether, MIN_STAKE));
        courtProxy.unstake(1.5 ether);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.Unstaked(j, 1 ether, 1 ether);
        vm.prank(j);
        courtProxy.unstake(1 ether);
        vm.prank(j);
        courtProxy.unstake(1 ether);
        assertEq(_stakeOf(j), 0);
        assertEq(courtProxy.jurorOf(j).drawWeight, 0);
        assertEq(j.balance, 2 ether);
        assertEq(courtProxy.totalDrawWeight(), 4 * MIN_STAKE);
    }

    function testFuzz_stakeAndUnstake_keepTotalsAndWeights(uint96 a, uint96 b, uint96 c) public {
        address j = stranger;
        uint256 first = bound(a, MIN_STAKE, 1000 ether);
        uint256 more = bound(b, 1, 1000 ether);
        _stake(j, first);
        _stake(j, more);
        uint256 total = first + more;
        uint256 out = bound(c, 1, total);
        uint256 left = total - out;
        vm.prank(j);
        if (left != 0 && left < MIN_STAKE) {
            vm.expectRevert(abi.encodeWithSelector(DisputeCourt.StakeTooLow.selector, left, MIN_STAKE));
            courtProxy.unstake(out);
            left = total;
        } else {
            courtProxy.unstake(out);
        }
        assertEq(_stakeOf(j), left);
        assertEq(courtProxy.jurorOf(j).drawWeight, left);
        assertEq(courtProxy.totalStaked(), 5 * MIN_STAKE + left);
        assertEq(courtProxy.totalDrawWeight(), 5 * MIN_STAKE + left);
        _assertSolvent();
    }

    // ───────────────────────────── withdraw ─────────────────────────────

    function test_withdraw_paysCreditOnce() public {
        (, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1);
        address j = _drawn(disputeId)[0];
        uint256 credit = _creditOf(j);
        assertGt(credit, 0);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.Withdrawn(j, credit);
        vm.prank(j);
        courtProxy.withdraw();
        assertEq(j.balance, credit);
        assertEq(_creditOf(j), 0);
        vm.prank(j);
        vm.expectRevert(DisputeCourt.NothingToWithdraw.selector);
        courtProxy.withdraw();
        _assertSolvent();
    }

    function test_withdraw_aRejectingJurorBlocksNobodyElse() public {
        // Only two contract jurors: they hold the three seats between them.
        for (uint256 i; i < jurors.length; ++i) {
            vm.prank(jurors[i]);
            courtProxy.unstake(MIN_STAKE);
        }
        JurorActor rejecting = new JurorActor(courtProxy);
        JurorActor reentrant = new JurorActor(courtProxy);
        rejecting.stake{value: MIN_STAKE}();
        reentrant.stake{value: MIN_STAKE}();
        (, uint256 disputeId,) = _drawnDispute();
        address[] memory drawn = _drawn(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            JurorActor(payable(drawn[i])).commit(
                disputeId, courtProxy.hashVote(1, bytes32("s"), drawn[i], disputeId, 0)
            );
        }
        courtProxy.advance(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            JurorActor(payable(drawn[i])).reveal(disputeId, 1, bytes32("s"));
        }
        courtProxy.advance(disputeId);
        rejecting.setRejecting(true);
        if (_creditOf(address(rejecting)) != 0) {
            vm.expectRevert(DisputeCourt.TransferFailed.selector);
            rejecting.withdraw();
        }
        reentrant.setReenter(true);
        uint256 credit = _creditOf(address(reentrant));
        if (credit != 0) {
            reentrant.withdraw();
            assertEq(address(reentrant).balance, credit, "paid once");
            assertEq(
                keccak256(reentrant.reentryError()),
                keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector))
            );
        }
        _assertSolvent();
    }

    function test_withdraw_treasuryDrawsUnearnedFees() public {
        _oneSeatEach();
        (, uint256 disputeId,) = _drawnDispute();
        _advance(disputeId);
        _advance(disputeId);
        uint256 credit = _creditOf(courtTreasury);
        assertEq(credit, 3 * FEE_PER_SEAT + 3 * MIN_STAKE);
        vm.prank(courtTreasury);
        courtProxy.withdraw();
        assertEq(courtTreasury.balance, credit);
        _assertSolvent();
    }

    // ───────────────────────────── createDispute ─────────────────────────────

    function test_createDispute_onlyTwoChoicesAndTheExactFee() public {
        ArbitrableMock arbitrable = new ArbitrableMock(courtProxy);
        uint256 cost = courtProxy.arbitrationCost("");
        assertEq(cost, 3 * FEE_PER_SEAT);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.UnsupportedChoices.selector, 3));
        arbitrable.open{value: cost}(3);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.UnsupportedChoices.selector, 1));
        arbitrable.open{value: cost}(1);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.WrongFee.selector, cost + 1, cost));
        arbitrable.open{value: cost + 1}(2);
        uint256 id = arbitrable.open{value: cost}(2);
        DisputeCourt.DisputeView memory d = courtProxy.getDispute(id);
        assertEq(d.arbitrable, address(arbitrable));
        assertEq(d.choices, 2);
        assertEq(d.round, 0);
        assertEq(d.periodStart, block.timestamp);
        assertEq(d.periodEnd, block.timestamp + EVIDENCE);
        assertEq(d.appealCost, 7 * FEE_PER_SEAT);
    }

    function test_createDispute_marketRequiresTheExactFee() public {
        uint256 orderId = _delivered();
        uint256 cost = courtProxy.arbitrationCost("");
        vm.deal(buyer, 1 ether);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongArbitrationFee.selector, 0, cost));
        market.dispute(orderId, "ipfs://reason");
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongArbitrationFee.selector, cost + 1, cost));
        market.dispute{value: cost + 1}(orderId, "ipfs://reason");
        vm.prank(buyer);
        market.dispute{value: cost}(orderId, "ipfs://reason");
        assertEq(address(courtProxy).balance, 5 * MIN_STAKE + cost);
        assertEq(address(market).balance, PRICE, "the fee passed through");
    }

    function test_execute_aRevertingArbitrableWaitsAndRetries() public {
        ArbitrableMock arbitrable = new ArbitrableMock(courtProxy);
        uint256 id = arbitrable.open{value: courtProxy.arbitrationCost("")}(2);
        _advance(id);
        _voteAll(id, 2);
        arbitrable.setFailing(true);
        vm.warp(block.timestamp + APPEAL);
        vm.expectRevert(ArbitrableMock.NotNow.selector);
        courtProxy.advance(id);
        _assertPeriod(id, APPEAL_P);
        arbitrable.setFailing(false);
        courtProxy.advance(id);
        assertEq(arbitrable.rulings(id), 2);
        assertEq(arbitrable.ruleCalls(id), 1);
        _expectWrongPeriod(id, EXECUTED_P);
        courtProxy.advance(id);
    }

    // ───────────────────────────── evidence ─────────────────────────────

    function test_submitEvidence_partiesAndThirdPartiesDuringEvidence() public {
        (uint256 orderId, uint256 disputeId) = _openDispute();
        address s = market.getOrder(orderId).seller;
        vm.expectEmit(address(courtProxy));
        emit IEvidence.Evidence(IArbitrator(address(courtProxy)), disputeId, s, "ipfs://seller");
        vm.prank(s);
        courtProxy.submitEvidence(disputeId, "ipfs://seller");
        vm.expectEmit(address(courtProxy));
        emit IEvidence.Evidence(IArbitrator(address(courtProxy)), disputeId, stranger, "ipfs://witness");
        vm.prank(stranger);
        courtProxy.submitEvidence(disputeId, "ipfs://witness");
        vm.expectRevert(DisputeCourt.URITooLong.selector);
        courtProxy.submitEvidence(disputeId, string(new bytes(257)));
        courtProxy.submitEvidence(disputeId, string(new bytes(256)));
        _advance(disputeId);
        _expectWrongPeriod(disputeId, COMMIT_P);
        courtProxy.submitEvidence(disputeId, "ipfs://late");
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.UnknownDispute.selector, 9));
        courtProxy.submitEvidence(9, "ipfs://nowhere");
    }

    // ───────────────────────────── slashing ─────────────────────────────

    function test_slash_losingSellerForfeitsBondToBuyerWhenEnabled() public {
        vm.startPrank(admin);
        registry.grantRole(registry.SLASHER_ROLE(), address(market));
        market.setDisputeSlash(MIN_BOND / 2);
        vm.stopPrank();
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1);
        vm.warp(block.timestamp + APPEAL);
        vm.expectEmit(address(market));
        emit Marketplace.SellerSlashed(orderId, seller, buyer, MIN_BOND / 2);
        courtProxy.advance(disputeId);
        assertEq(registry.get(seller).bond, MIN_BOND / 2);
        assertEq(registry.creditOf(buyer), MIN_BOND / 2);
    }

    function test_slash_takesAtMostTheBondAndNeverBlocksTheRuling() public {
        vm.prank(admin);
        market.setDisputeSlash(100 ether);
        // No SLASHER_ROLE yet: the ruling goes through without a slash.
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1);
        _advance(disputeId);
        _assertState(orderId, IMarketplace.OrderState.Ruled);
        assertEq(registry.get(seller).bond, MIN_BOND);
        // With the role, the whole bond (less than the setting) goes.
        vm.startPrank(admin);
        registry.grantRole(registry.SLASHER_ROLE(), address(market));
        vm.stopPrank();
        (uint256 orderId2, uint256 disputeId2,) = _drawnDispute();
        _voteAll(disputeId2, 1);
        _advance(disputeId2);
        _assertState(orderId2, IMarketplace.OrderState.Ruled);
        assertEq(registry.get(seller).bond, 0);
        assertEq(registry.creditOf(buyer), MIN_BOND);
    }

    function test_slash_disabledByDefaultAndSellerWinsKeepBond() public {
        bytes32 slasher = registry.SLASHER_ROLE();
        vm.prank(admin);
        registry.grantRole(slasher, address(market));
        (, uint256 disputeId,) = _drawnDispute();
        _voteAll(disputeId, 1);
        _advance(disputeId);
        assertEq(market.disputeSlash(), 0);
        assertEq(registry.get(seller).bond, MIN_BOND);
    }

    // ───────────────────────────── governance ─────────────────────────────

    function test_governance_settersAreGovernorOnlyBoundedAndEmit() public {
        bytes32 role = courtProxy.GOVERNOR_ROLE();
        vm.startPrank(stranger);
        _expectUnauthorized(stranger, role);
        courtProxy.setMinStake(2 ether);
        _expectUnauthorized(stranger, role);
        courtProxy.setFeePerSeat(0);
        _expectUnauthorized(stranger, role);
        courtProxy.setLockPerSeat(1);
        _expectUnauthorized(stranger, role);
        courtProxy.setDurations(1 hours, 1 hours, 1 hours, 1 hours);
        _expectUnauthorized(stranger, role);
        courtProxy.setMaxRounds(2);
        _expectUnauthorized(stranger, role);
        courtProxy.setTreasury(stranger);
        vm.stopPrank();

        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidMinStake.selector, 0));
        courtProxy.setMinStake(0);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidMinStake.selector, LOCK_PER_SEAT - 1));
        courtProxy.setMinStake(LOCK_PER_SEAT - 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidMinStake.selector, 10_001 ether));
        courtProxy.setMinStake(10_001 ether);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.MinStakeSet(2 ether);
        courtProxy.setMinStake(2 ether);

        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidFeePerSeat.selector, 10 ether + 1));
        courtProxy.setFeePerSeat(10 ether + 1);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.FeePerSeatSet(0);
        courtProxy.setFeePerSeat(0);
        assertEq(courtProxy.arbitrationCost(""), 0);

        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidLockPerSeat.selector, 0));
        courtProxy.setLockPerSeat(0);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidLockPerSeat.selector, 2 ether + 1));
        courtProxy.setLockPerSeat(2 ether + 1);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.LockPerSeatSet(2 ether);
        courtProxy.setLockPerSeat(2 ether);

        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidDuration.selector, 30 days + 1));
        courtProxy.setDurations(1 hours, 30 days + 1, 1 hours, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidDuration.selector, 0));
        courtProxy.setDurations(1 hours, 1 hours, 1 hours, 0);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.DurationsSet(1 minutes, 2 hours, 3 hours, 30 days);
        courtProxy.setDurations(1 minutes, 2 hours, 3 hours, 30 days);

        vm.expectRevert(abi.encodeWithSelector(DisputeCourt.InvalidMaxRounds.selector, 6));
        courtProxy.setMaxRounds(6);
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.MaxRoundsSet(5);
        courtProxy.setMaxRounds(5);

        vm.expectRevert(DisputeCourt.ZeroAddress.selector);
        courtProxy.setTreasury(address(0));
        vm.expectEmit(address(courtProxy));
        emit DisputeCourt.TreasurySet(stranger);
        courtProxy.setTreasury(stranger);
        vm.stopPrank();

        DisputeCourt.Params memory p = courtProxy.params();
        assertEq(p.minStake, 2 ether);
        assertEq(p.feePerSeat, 0);
        assertEq(p.lockPerSeat, 2 ether);
        assertEq(p.evidenceDuration, 1 minutes);
        assertEq(p.commitDuration, 2 hours);
        assertEq(p.revealDuration, 3 hours);
        assertEq(p.appealDuration, 30 days);
        assertEq(p.maxRounds, 5);
        assertEq(p.treasury, stranger);
    }

    function test_governance_newLockAppliesToNewDrawsOnly() public {
        (, uint256 disputeId,) = _drawnDispute();
        vm.prank(admin);
        courtProxy.setLockPerSeat(0.5 ether);
        _voteAll(disputeId, 1);
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        for (uint256 i; i < r.ballots.length; ++i) {
            assertEq(r.ballots[i].locked, LOCK_PER_SEAT * r.ballots[i].seats, "locked at draw time");
            assertEq(courtProxy.jurorOf(r.ballots[i].juror).locked, 0);
        }
    }

    function test_market_setArbitratorEmitsMetaEvidenceOnce() public {
        IArbitrator other = IArbitrator(address(new ArbitrableMock(courtProxy)));
        vm.recordLogs();
        vm.prank(admin);
        market.setArbitrator(other);
        assertEq(vm.getRecordedLogs().length, 1, "only ArbitratorSet: meta-evidence was emitted already");
        assertEq(market.arbitrator(), address(other));

        // A fresh market emits it with its first arbitrator.
        (, Marketplace fresh) = _deployMarket(admin, address(registry), address(reputation), treasury, 0, 1 days);
        vm.expectEmit(address(fresh));
        emit Marketplace.ArbitratorSet(address(courtProxy));
        string memory uri = fresh.META_EVIDENCE_URI();
        vm.expectEmit(address(fresh));
        emit IEvidence.MetaEvidence(0, uri);
        vm.prank(admin);
        fresh.setArbitrator(IArbitrator(address(courtProxy)));
        vm.prank(admin);
        vm.expectRevert(Marketplace.ZeroAddress.selector);
        fresh.setArbitrator(IArbitrator(address(0)));
        bytes32 governor = fresh.GOVERNOR_ROLE();
        vm.prank(stranger);
        _expectUnauthorized(stranger, governor);
        fresh.setArbitrator(IArbitrator(address(courtProxy)));
    }

    function test_market_disputeWithoutArbitratorReverts() public {
        (, Marketplace fresh) = _deployMarket(admin, address(registry), address(reputation), treasury, 0, 1 days);
        vm.prank(alice);
        uint256 serviceId = fresh.listService(TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
        vm.deal(buyer, PRICE);
        vm.prank(buyer);
        uint256 orderId = fresh.order{value: PRICE}(serviceId, "");
        vm.prank(alice);
        fresh.deliver(orderId, "", bytes32(0));
        vm.prank(buyer);
        vm.expectRevert(Marketplace.ArbitratorNotSet.selector);
        fresh.dispute(orderId, "");
    }

    function test_market_newArbitratorAffectsNewDisputesOnly() public {
        (uint256 orderId, uint256 disputeId,) = _drawnDispute();
        DisputeCourt.Params memory p = _params();
        (, DisputeCourt second) = _deployCourt(admin, p);
        vm.prank(admin);
        market.setArbitrator(IArbitrator(address(second)));
        // The open dispute still belongs to the first court and is ruled by it.
        _voteAll(disputeId, 2);
        _advance(disputeId);
        _assertState(orderId, IMarketplace.OrderState.Ruled);
        // A new dispute goes to the second court.
        uint256 next = _delivered();
        uint256 cost = second.arbitrationCost("");
        vm.deal(buyer, buyer.balance + cost);
        vm.prank(buyer);
        uint256 id2 = market.dispute{value: cost}(next, "");
        assertEq(market.disputeOf(next).arbitrator, address(second));
        assertEq(id2, 1, "the second court's first dispute");
        assertEq(market.orderOfDispute(address(second), 1), next);
        assertEq(market.orderOfDispute(address(courtProxy), 1), orderId);
    }
}
