// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {DisputeCourt} from "../src/DisputeCourt.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {IArbitrator} from "../src/interfaces/IArbitrator.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {MarketplaceReputationMock} from "./mocks/MarketplaceMocks.sol";

/// Drives the court through the real Marketplace with several actors: jurors stake, top up and
/// unstake, buyers dispute deliveries, drawn jurors commit and reveal (or not), the losing party
/// appeals, anyone advances at any time, credits are withdrawn and governance changes the lock per
/// seat and the minimum stake under running disputes. Ghost accounting follows every wei.
contract DisputeCourtHandler is Test {
    DisputeCourt public immutable court;
    Marketplace public immutable market;
    address public immutable treasury;

    address[] internal jurorList;
    address[] internal buyers;
    address internal seller;
    uint256 internal serviceId;

    uint256[] public disputeIds;
    mapping(uint256 disputeId => uint256) public orderOf;
    mapping(bytes32 key => uint256) internal intended; // choice + 1 committed by (dispute, round, juror)

    uint256 public currentTime;

    // ── ghosts ──
    uint256 public ghost_in; // stakes and fees paid in
    uint256 public ghost_out; // unstakes and withdrawals paid out
    uint256 public ghost_staked;
    uint256 public ghost_unstaked;
    uint256 public ghost_withdrawn;
    uint256 public ghost_treasuryWithdrawn;
    uint256 public ghost_violations;
    mapping(uint256 disputeId => uint256) public ghost_executions;
    mapping(uint256 disputeId => uint256) public ghost_finalRuling;
    mapping(bytes32 => uint256) public calls;

    constructor(DisputeCourt court_, Marketplace market_, CollaboratorRegistry registry, address treasury_) {
        court = court_;
        market = market_;
        treasury = treasury_;
        for (uint256 i; i < 6; ++i) {
            jurorList.push(makeAddr(string.concat("juror", vm.toString(i))));
        }
        for (uint256 i; i < 2; ++i) {
            buyers.push(makeAddr(string.concat("buyer", vm.toString(i))));
        }
        seller = makeAddr("seller");
        vm.deal(seller, 1 ether);
        vm.prank(seller);
        registry.join{value: 0.01 ether}(1, "seller", "", "", bytes32(0));
        vm.prank(seller);
        serviceId = market.listService("svc", "", 1 ether + 1, 10 days);
        // Four jurors start with a stake so the first disputes can be drawn.
        for (uint256 i; i < 4; ++i) {
            _stakeAs(jurorList[i], 4 ether);
        }
        currentTime = block.timestamp;
    }

    modifier useTime() {
        vm.warp(currentTime);
        _;
        currentTime = block.timestamp;
    }

    // ───────────────────────────── reads for the invariants ─────────────────────────────

    function jurorCount() external view returns (uint256) {
        return jurorList.length;
    }

    function jurorAt(uint256 i) external view returns (address) {
        return jurorList[i];
    }

    function disputeCount() external view returns (uint256) {
        return disputeIds.length;
    }

    // ───────────────────────────── jurors ─────────────────────────────

    function stake(uint256 jurorSeed, uint256 amount) external useTime {
        address j = jurorList[jurorSeed % jurorList.length];
        uint256 current = court.jurorOf(j).stake;
        uint256 minStake = court.params().minStake;
        amount = bound(amount, 1, 5 ether);
        if (current + amount < minStake) amount = minStake - current;
        _stakeAs(j, amount);
        calls["stake"]++;
    }

    function unstake(uint256 jurorSeed, uint256 amount) external useTime {
        address j = jurorList[jurorSeed % jurorList.length];
        DisputeCourt.JurorView memory v = court.jurorOf(j);
        if (v.stake == 0) return;
        amount = bound(amount, 1, v.stake);
        uint256 minStake = court.params().minStake;
        uint256 left = v.stake - amount;
        uint256 before = j.balance;
        vm.prank(j);
        (bool ok, bytes memory ret) = address(court).call(abi.encodeCall(DisputeCourt.unstake, (amount)));
        if (v.locked != 0) {
            if (ok || keccak256(ret) != keccak256(abi.encodeWithSelector(DisputeCourt.StakeLocked.selector, v.locked)))
            {
                ghost_violations++;
            }
            calls["unstakeLocked"]++;
        } else if (left != 0 && left < minStake) {
            if (ok) ghost_violations++;
            calls["unstakeTooMuch"]++;
        } else {
            if (!ok || j.balance - before != amount) ghost_violations++;
            ghost_unstaked += amount;
            ghost_out += amount;
            calls["unstake"]++;
        }
    }

    function withdraw(uint256 seed) external useTime {
        address a = seed % 4 == 0 ? treasury : jurorList[seed % jurorList.length];
        uint256 credit = court.jurorOf(a).withdrawable;
        uint256 before = a.balance;
        vm.prank(a);
        (bool ok,) = address(court).call(abi.encodeCall(DisputeCourt.withdraw, ()));
        if (credit == 0) {
            if (ok) ghost_violations++;
            return;
        }
        if (!ok || a.balance - before != credit) ghost_violations++;
        ghost_out += credit;
        if (a == treasury) ghost_treasuryWithdrawn += credit;
        else ghost_withdrawn += credit;
        calls["withdraw"]++;
    }

    // ───────────────────────────── disputes ─────────────────────────────

    function openDispute(uint256 buyerSeed) external useTime {
        if (disputeIds.length >= 8) return;
        address b = buyers[buyerSeed % buyers.length];
        uint256 price = market.getService(serviceId).price;
        vm.deal(b, b.balance + price);
        vm.prank(b);
        uint256 orderId = market.order{value: price}(serviceId, "");
        vm.prank(seller);
        market.deliver(orderId, "", bytes32(0));
        uint256 cost = court.arbitrationCost("");
        vm.deal(b, b.balance + cost);
        vm.prank(b);
        uint256 disputeId = market.dispute{value: cost}(orderId, "ipfs://why");
        disputeIds.push(disputeId);
        orderOf[disputeId] = orderId;
        ghost_in += cost;
        calls["openDispute"]++;
    }

    function advance(uint256 disputeSeed, uint8 mode) external useTime {
        if (disputeIds.length == 0) return;
        uint256 id = disputeIds[disputeSeed % disputeIds.length];
        _advance(id, mode % 3 != 0); // mostly once the period is over, sometimes too early
    }

    /// The first dispute from `seed` on that is in `period` (0 if none).
    function _inPeriod(uint256 seed, DisputeCourt.Period period) internal view returns (uint256) {
        uint256 n = disputeIds.length;
        for (uint256 i; i < n; ++i) {
            uint256 id = disputeIds[(seed % n + i) % n];
            if (court.getDispute(id).period == period) return id;
        }
        return disputeIds[seed % n];
    }

    function commit(uint256 disputeSeed, uint256 jurorSeed, uint8 choice) external useTime {
        if (disputeIds.length == 0) return;
        uint256 id = _inPeriod(disputeSeed, DisputeCourt.Period.Commit);
        DisputeCourt.DisputeView memory d = court.getDispute(id);
        DisputeCourt.RoundView memory r = court.getRound(id, d.round);
        if (r.ballots.length == 0) return;
        DisputeCourt.BallotView memory b = r.ballots[jurorSeed % r.ballots.length];
        uint256 c = choice % 3;
        bytes32 h = court.hashVote(c, _salt(b.juror, id, d.round), b.juror, id, d.round);
        vm.prank(b.juror);
        (bool ok,) = address(court).call(abi.encodeCall(DisputeCourt.commit, (id, h)));
        bool expected = d.period == DisputeCourt.Period.Commit && !b.committed;
        if (ok != expected) ghost_violations++;
        if (ok) intended[keccak256(abi.encode(id, d.round, b.juror))] = c + 1;
        calls[ok ? bytes32("commit") : bytes32("commitRefused")]++;
    }

    function reveal(uint256 disputeSeed, uint256 jurorSeed, uint8 mode) external useTime {
        if (disputeIds.length == 0) return;
        uint256 id = _inPeriod(disputeSeed, DisputeCourt.Period.Reveal);
        bool lie = mode % 8 == 0;
        DisputeCourt.DisputeView memory d = court.getDispute(id);
        DisputeCourt.RoundView memory r = court.getRound(id, d.round);
        if (r.ballots.length == 0) return;
        DisputeCourt.BallotView memory b = r.ballots[jurorSeed % r.ballots.length];
        uint256 stored = intended[keccak256(abi.encode(id, d.round, b.juror))];
        uint256 c = stored == 0 ? 0 : stored - 1;
        if (lie) c = (c + 1) % 3; // a reveal that does not match the commitment
        vm.prank(b.juror);
        (bool ok,) = address(court).call(abi.encodeCall(DisputeCourt.reveal, (id, c, _salt(b.juror, id, d.round))));
        bool expected = d.period == DisputeCourt.Period.Reveal && b.committed && !b.revealed && !lie;
        if (ok != expected) ghost_violations++;
        calls[ok ? bytes32("reveal") : bytes32("revealRefused")]++;
    }

    function appeal(uint256 disputeSeed) external useTime {
        if (disputeIds.length == 0) return;
        uint256 id = _inPeriod(disputeSeed, DisputeCourt.Period.Appeal);
        if (court.disputeStatus(id) != IArbitrator.DisputeStatus.Appealable) return;
        uint256 cost = court.appealCost(id, "");
        if (cost == type(uint256).max) return;
        IMarketplace.Order memory o = market.getOrder(orderOf[id]);
        address loser = court.currentRuling(id) == 1 ? o.seller : o.buyer;
        vm.deal(loser, loser.balance + cost);
        vm.prank(loser);
        (bool ok,) = address(market).call{value: cost}(abi.encodeCall(Marketplace.appeal, (orderOf[id])));
        if (!ok) ghost_violations++;
        ghost_in += cost;
        calls["appeal"]++;
    }

    // ───────────────────────────── governance and time ─────────────────────────────

    function setLockPerSeat(uint256 lock) external useTime {
        lock = bound(lock, 0.05 ether, court.params().minStake);
        court.setLockPerSeat(lock);
        calls["setLockPerSeat"]++;
    }

    function setMinStake(uint256 minStake) external useTime {
        minStake = bound(minStake, court.params().lockPerSeat, 3 ether);
        court.setMinStake(minStake);
        calls["setMinStake"]++;
    }

    function warp(uint256 seconds_) external useTime {
        vm.warp(block.timestamp + bound(seconds_, 1, 2 hours));
    }

    // ───────────────────────────── draining ─────────────────────────────

    /// Runs every dispute to its end, then everyone unstakes and withdraws.
    function drainAll() external {
        vm.warp(currentTime);
        address rescuer = makeAddr("rescuer");
        for (uint256 i; i < disputeIds.length; ++i) {
            uint256 id = disputeIds[i];
            for (uint256 step; step < 20 && court.getDispute(id).period != DisputeCourt.Period.Executed; ++step) {
                if (!_advance(id, true)) _stakeAs(rescuer, 50 ether); // nobody drawable: more jurors
            }
            if (court.getDispute(id).period != DisputeCourt.Period.Executed) ghost_violations++;
        }
        jurorList.push(rescuer);
        for (uint256 i; i < jurorList.length; ++i) {
            address j = jurorList[i];
            DisputeCourt.JurorView memory v = court.jurorOf(j);
            if (v.locked != 0) ghost_violations++;
            if (v.stake != 0) {
                vm.prank(j);
                court.unstake(v.stake);
                ghost_unstaked += v.stake;
                ghost_out += v.stake;
            }
            if (v.withdrawable != 0) {
                vm.prank(j);
                court.withdraw();
                ghost_withdrawn += v.withdrawable;
                ghost_out += v.withdrawable;
            }
        }
        uint256 t = court.jurorOf(treasury).withdrawable;
        if (t != 0) {
            vm.prank(treasury);
            court.withdraw();
            ghost_treasuryWithdrawn += t;
            ghost_out += t;
        }
        currentTime = block.timestamp;
    }

    // ───────────────────────────── internals ─────────────────────────────

    /// Advances `id` (after warping to its period end when `toEnd`) and checks the outcome; returns
    /// false only when the draw found no juror.
    function _advance(uint256 id, bool toEnd) internal returns (bool) {
        DisputeCourt.DisputeView memory d = court.getDispute(id);
        if (toEnd && block.timestamp < d.periodEnd) vm.warp(d.periodEnd);
        DisputeCourt.RoundView memory r = court.getRound(id, d.round);
        bool early = (d.period == DisputeCourt.Period.Commit && r.commits == r.ballots.length)
            || (d.period == DisputeCourt.Period.Reveal && r.reveals == r.ballots.length);
        bool due = d.period != DisputeCourt.Period.Executed && (block.timestamp >= d.periodEnd || early);
        (bool ok, bytes memory ret) = address(court).call(abi.encodeCall(DisputeCourt.advance, (id)));
        if (!due) {
            if (ok) ghost_violations++;
            calls["advanceRefused"]++;
            return true;
        }
        if (!ok) {
            bool noJurors = d.period == DisputeCourt.Period.Evidence
                && keccak256(ret) == keccak256(abi.encodeWithSelector(DisputeCourt.NoJurors.selector));
            if (!noJurors) ghost_violations++;
            calls["advanceNoJurors"]++;
            return false;
        }
        if (court.getDispute(id).period == DisputeCourt.Period.Executed) {
            ghost_executions[id]++;
            ghost_finalRuling[id] = court.currentRuling(id);
        }
        calls["advance"]++;
        return true;
    }

    function _stakeAs(address j, uint256 amount) internal {
        vm.deal(j, j.balance + amount);
        vm.prank(j);
        court.stake{value: amount}();
        ghost_staked += amount;
        ghost_in += amount;
    }

    function _salt(address juror, uint256 id, uint256 round) internal pure returns (bytes32) {
        return keccak256(abi.encode(juror, id, round));
    }
}

contract DisputeCourtInvariantTest is StdInvariant, Test {
    DisputeCourt internal court;
    Marketplace internal market;
    DisputeCourtHandler internal handler;
    address internal admin = makeAddr("admin");
    address internal courtTreasury = makeAddr("courtTreasury");

    function setUp() public {
        vm.warp(1_700_000_000);
        CollaboratorRegistry registry = CollaboratorRegistry(
            address(
                new ERC1967Proxy(
                    address(new CollaboratorRegistry()),
                    abi.encodeCall(CollaboratorRegistry.initialize, (admin, 0.01 ether, 7 days))
                )
            )
        );
        MarketplaceReputationMock reputation = new MarketplaceReputationMock();
        market = Marketplace(
            address(
                new ERC1967Proxy(
                    address(new Marketplace()),
                    abi.encodeCall(
                        Marketplace.initialize, (admin, address(registry), address(reputation), admin, 250, 1 days)
                    )
                )
            )
        );
        reputation.setMarket(address(market));
        DisputeCourt.Params memory p = DisputeCourt.Params({
            minStake: 1 ether,
            feePerSeat: 0.01 ether,
            lockPerSeat: 0.2 ether,
            evidenceDuration: 1 hours,
            commitDuration: 1 hours,
            revealDuration: 1 hours,
            appealDuration: 1 hours,
            maxRounds: 3,
            treasury: courtTreasury
        });
        court = DisputeCourt(
            address(
                new ERC1967Proxy(address(new DisputeCourt()), abi.encodeCall(DisputeCourt.initialize, (admin, p)))
            )
        );
        vm.prank(admin);
        market.setArbitrator(IArbitrator(address(court)));
        handler = new DisputeCourtHandler(court, market, registry, courtTreasury);
        bytes32 governor = court.GOVERNOR_ROLE();
        vm.prank(admin);
        court.grantRole(governor, address(handler));

        bytes4[] memory selectors = new bytes4[](22);
        selectors[0] = DisputeCourtHandler.stake.selector;
        selectors[1] = DisputeCourtHandler.stake.selector;
        selectors[2] = DisputeCourtHandler.unstake.selector;
        selectors[3] = DisputeCourtHandler.withdraw.selector;
        selectors[4] = DisputeCourtHandler.openDispute.selector;
        selectors[5] = DisputeCourtHandler.openDispute.selector;
        selectors[6] = DisputeCourtHandler.advance.selector;
        selectors[7] = DisputeCourtHandler.advance.selector;
        selectors[8] = DisputeCourtHandler.advance.selector;
        selectors[9] = DisputeCourtHandler.commit.selector;
        selectors[10] = DisputeCourtHandler.commit.selector;
        selectors[11] = DisputeCourtHandler.commit.selector;
        selectors[12] = DisputeCourtHandler.reveal.selector;
        selectors[13] = DisputeCourtHandler.reveal.selector;
        selectors[14] = DisputeCourtHandler.appeal.selector;
        selectors[15] = DisputeCourtHandler.setLockPerSeat.selector;
        selectors[16] = DisputeCourtHandler.setMinStake.selector;
        selectors[17] = DisputeCourtHandler.warp.selector;
        selectors[18] = DisputeCourtHandler.advance.selector;
        selectors[19] = DisputeCourtHandler.advance.selector;
        selectors[20] = DisputeCourtHandler.reveal.selector;
        selectors[21] = DisputeCourtHandler.withdraw.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// Σ over the settled rounds of (fees, penalties, rewards) and Σ fees of the unsettled ones.
    function _rounds()
        internal
        view
        returns (uint256 fees, uint256 penalties, uint256 rewards, uint256 openFees)
    {
        uint256 n = court.disputeCount();
        for (uint256 id = 1; id <= n; ++id) {
            uint256 last = court.getDispute(id).round;
            for (uint256 round; round <= last; ++round) {
                DisputeCourt.RoundView memory r = court.getRound(id, round);
                if (r.settled) {
                    fees += r.fees;
                    penalties += r.penalties;
                    rewards += r.rewards;
                } else {
                    openFees += r.fees;
                }
            }
        }
    }

    /// Σ stake, Σ locked and Σ withdrawable over every juror (the treasury's credit included).
    function _jurors() internal view returns (uint256 stakes, uint256 credits, uint256 weights) {
        for (uint256 i; i < handler.jurorCount(); ++i) {
            DisputeCourt.JurorView memory v = court.jurorOf(handler.jurorAt(i));
            stakes += v.stake;
            credits += v.withdrawable;
            weights += v.drawWeight;
        }
        credits += court.jurorOf(courtTreasury).withdrawable;
    }

    /// ETH held ≥ Σ stakes + Σ fees owed + Σ withdrawable; the counters match the sums, and the
    /// balance is exactly what came in minus what went out.
    function invariant_ethCoversStakesFeesAndCredits() public view {
        (uint256 stakes, uint256 credits,) = _jurors();
        (,,, uint256 openFees) = _rounds();
        assertGe(address(court).balance, stakes + openFees + credits, "solvent");
        assertEq(court.totalStaked(), stakes, "totalStaked == sum of stakes");
        assertEq(court.totalCredits(), credits, "totalCredits == sum of credits");
        assertEq(court.heldFees(), openFees, "heldFees == fees of unsettled rounds");
        assertEq(address(court).balance, handler.ghost_in() - handler.ghost_out(), "in - out == balance");
        assertEq(address(court).balance, stakes + openFees + credits, "nothing unaccounted");
    }

    /// Σ penalties + Σ fees = Σ rewards + what the treasury received (the documented remainder:
    /// rounding dust and rounds without a coherent juror); penalties came out of the stakes.
    function invariant_penaltiesAndFeesEqualRewardsPlusRemainder() public view {
        (uint256 fees, uint256 penalties, uint256 rewards,) = _rounds();
        uint256 toTreasury = court.jurorOf(courtTreasury).withdrawable + handler.ghost_treasuryWithdrawn();
        assertEq(fees + penalties, rewards + toTreasury, "fees + penalties == rewards + remainder");
        (uint256 stakes, uint256 credits,) = _jurors();
        assertEq(stakes, handler.ghost_staked() - handler.ghost_unstaked() - penalties, "penalties left the stakes");
        assertEq(
            credits - court.jurorOf(courtTreasury).withdrawable + handler.ghost_withdrawn(),
            rewards,
            "jurors were credited exactly the rewards"
        );
    }

    /// A juror's locked stake never exceeds its stake and equals the locks of the unsettled rounds
    /// it was drawn in; draw weights never exceed free stake and sum to the tree's total.
    function invariant_locksWithinStakes() public view {
        (,, uint256 weights) = _jurors();
        assertEq(court.totalDrawWeight(), weights, "tree total == sum of weights");
        uint256 n = court.disputeCount();
        for (uint256 i; i < handler.jurorCount(); ++i) {
            address j = handler.jurorAt(i);
            DisputeCourt.JurorView memory v = court.jurorOf(j);
            assertLe(v.locked, v.stake, "locked <= stake");
            assertLe(v.drawWeight, v.stake - v.locked, "weight <= free stake");
            uint256 locks;
            for (uint256 id = 1; id <= n; ++id) {
                uint256 round = court.getDispute(id).round;
                if (!court.getRound(id, round).settled) locks += court.getJurorVote(id, round, j).locked;
            }
            assertEq(v.locked, locks, "locked == locks of unsettled rounds");
        }
    }

    /// A final ruling never changes and is applied to its order's escrow exactly once; an order
    /// stays Disputed until then.
    function invariant_finalRulingsAreAppliedOnce() public view {
        for (uint256 i; i < handler.disputeCount(); ++i) {
            uint256 id = handler.disputeIds(i);
            IMarketplace.Order memory o = market.getOrder(handler.orderOf(id));
            if (court.getDispute(id).period == DisputeCourt.Period.Executed) {
                assertEq(handler.ghost_executions(id), 1, "executed once");
                assertEq(court.currentRuling(id), handler.ghost_finalRuling(id), "final ruling unchanged");
                assertEq(uint8(o.state), uint8(IMarketplace.OrderState.Ruled), "order ruled");
                assertEq(uint256(o.ruling), handler.ghost_finalRuling(id), "the escrow follows the ruling");
                assertEq(uint8(court.disputeStatus(id)), uint8(IArbitrator.DisputeStatus.Solved));
            } else {
                assertEq(handler.ghost_executions(id), 0);
                assertEq(uint8(o.state), uint8(IMarketplace.OrderState.Disputed), "still waiting");
            }
        }
    }

    function invariant_noViolations() public view {
        assertEq(handler.ghost_violations(), 0);
    }

    /// Every dispute can be run to its end and then everybody gets everything out.
    function afterInvariant() external {
        handler.drainAll();
        assertEq(handler.ghost_violations(), 0, "violations while draining");
        invariant_finalRulingsAreAppliedOnce();
        invariant_penaltiesAndFeesEqualRewardsPlusRemainder();
        assertEq(court.totalStaked(), 0);
        assertEq(court.totalCredits(), 0);
        assertEq(court.heldFees(), 0);
        assertEq(court.totalDrawWeight(), 0);
        assertEq(address(court).balance, 0, "the court holds nothing");
    }
}
