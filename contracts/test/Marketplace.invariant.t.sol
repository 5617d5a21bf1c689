// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ArbitratorMock} from "./mocks/ArbitratorMock.sol";
import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {MarketplaceActor, MarketplaceReputationMock} from "./mocks/MarketplaceMocks.sol";

/// Drives the market with sellers, buyers, an outsider and a malicious contract that both sells
/// and buys and re-enters the market whenever it is paid. The handler is the market's governor and
/// arbitrator and the registry's governor. It keeps a model of every credit and ghost accounting of
/// every wei in and out and of every order's payout, refund and fee.
contract MarketplaceHandler is Test {
    Marketplace public immutable market;
    CollaboratorRegistry public immutable registry;
    MarketplaceActor public immutable attacker;

    uint256 internal constant MAX_PRICE = 5 ether;

    IMarketplace.OrderState internal constant NONE = IMarketplace.OrderState.None;
    IMarketplace.OrderState internal constant ORDERED = IMarketplace.OrderState.Ordered;
    IMarketplace.OrderState internal constant DELIVERED = IMarketplace.OrderState.Delivered;
    IMarketplace.OrderState internal constant SETTLED = IMarketplace.OrderState.Settled;
    IMarketplace.OrderState internal constant REFUNDED = IMarketplace.OrderState.Refunded;
    IMarketplace.OrderState internal constant DISPUTED = IMarketplace.OrderState.Disputed;
    IMarketplace.OrderState internal constant RULED = IMarketplace.OrderState.Ruled;

    /// Service collaborators (two EOAs and the attacker contract).
    address[] internal sellers;
    /// Everyone who may buy: pure buyers, the sellers and the attacker.
    address[] internal actors;
    /// Every account that can hold a credit: actors plus both treasuries.
    address[] internal accounts;
    address[2] internal treasuries;
    address internal anyone;

    uint256 public currentTime;

    // ── ghost accounting ──
    uint256 public ghost_deposited; // paid into orders
    uint256 public ghost_withdrawn; // paid out by withdraw
    uint256 public ghost_forced; // ETH that arrived without a call
    uint256 public ghost_violations; // anything the market did that it must not
    uint256 public ghost_fees; // model of accruedFees
    mapping(address => uint256) public ghost_credit; // model of accountOf(a).credit
    mapping(uint256 => uint256) public ghost_settlements; // times money moved for an order
    mapping(uint256 => uint256) public ghost_payout;
    mapping(uint256 => uint256) public ghost_refund;
    mapping(uint256 => uint256) public ghost_fee;
    mapping(uint256 => IMarketplace.OrderState) public ghost_terminal;
    mapping(uint256 => bytes32) public ghost_terminalRecord;

    mapping(bytes32 => uint256) public calls;

    constructor(Marketplace market_, CollaboratorRegistry registry_, address treasury0, address treasury1) {
        market = market_;
        registry = registry_;
        treasuries = [treasury0, treasury1];
        anyone = makeAddr("anyone");
        attacker = new MarketplaceActor(market_);

        for (uint256 i; i < 2; ++i) {
            address s = makeAddr(string.concat("seller", vm.toString(i)));
            vm.deal(s, 1 ether);
            vm.prank(s);
            registry_.join{value: 0.01 ether}(1, "seller", "", "", bytes32(0));
            sellers.push(s);
        }
        vm.deal(address(attacker), 0.01 ether);
        attacker.execute(
            address(registry_), 0.01 ether, abi.encodeCall(CollaboratorRegistry.join, (1, "evil", "", "", bytes32(0)))
        );
        sellers.push(address(attacker));

        for (uint256 i; i < 3; ++i) {
            actors.push(makeAddr(string.concat("buyer", vm.toString(i))));
        }
        for (uint256 i; i < sellers.length; ++i) {
            actors.push(sellers[i]);
        }
        for (uint256 i; i < actors.length; ++i) {
            accounts.push(actors[i]);
        }
        accounts.push(treasury0);
        accounts.push(treasury1);
        // A service per seller from the start, one with an odd price.
        for (uint256 i; i < sellers.length; ++i) {
            _call(sellers[i], 0, abi.encodeCall(Marketplace.listService, ("svc", "", 1 ether + i, 1 days)));
        }
        currentTime = block.timestamp;
    }

    modifier useTime() {
        vm.warp(currentTime);
        _;
    }

    // ───────────────────────────── reads for the invariants ─────────────────────────────

    function accountCount() external view returns (uint256) {
        return accounts.length;
    }

    function accountAt(uint256 i) external view returns (address) {
        return accounts[i];
    }

    // ───────────────────────────── services ─────────────────────────────

    function listService(uint256 sellerSeed, uint256 price, uint32 window) external useTime {
        address s = sellers[sellerSeed % sellers.length];
        price = bound(price, 1, MAX_PRICE);
        window = uint32(bound(window, 1 hours, 10 days));
        (bool ok, bytes memory ret) =
            _call(s, 0, abi.encodeCall(Marketplace.listService, ("service", "ipfs://meta", price, window)));
        if (registry.hasKinds(s, 1)) {
            if (!ok) ghost_violations++;
        } else if (ok || keccak256(ret) != keccak256(_err(Marketplace.NotServiceCollaborator.selector, s))) {
            ghost_violations++;
        }
        calls["listService"]++;
    }

    function updateService(uint256 serviceSeed, uint256 price, uint32 window) external useTime {
        uint256 count = market.serviceCount();
        if (count == 0) return;
        uint256 id = serviceSeed % count + 1;
        price = bound(price, 1, MAX_PRICE);
        window = uint32(bound(window, 1 hours, 10 days));
        (bool ok,) = _call(
            market.getService(id).seller,
            0,
            abi.encodeCall(Marketplace.updateService, (id, "updated", "ipfs://meta2", price, window))
        );
        if (!ok) ghost_violations++;
        calls["updateService"]++;
    }

    /// Deactivates one call in four, reactivates otherwise.
    function setServiceActive(uint256 serviceSeed, uint8 activeSeed) external useTime {
        bool active = activeSeed % 4 != 0;
        uint256 count = market.serviceCount();
        if (count == 0) return;
        uint256 id = serviceSeed % count + 1;
        address s = market.getService(id).seller;
        (bool ok,) = _call(s, 0, abi.encodeCall(Marketplace.setServiceActive, (id, active)));
        if (ok == (active && !registry.hasKinds(s, 1))) ghost_violations++;
        calls["setServiceActive"]++;
    }

    // ───────────────────────────── orders ─────────────────────────────

    function order(uint256 buyerSeed, uint256 serviceSeed) external useTime {
        uint256 count = market.serviceCount();
        if (count == 0) return;
        uint256 id = serviceSeed % count + 1;
        Marketplace.Service memory s = market.getService(id);
        address b = actors[buyerSeed % actors.length];
        if (b == s.seller) b = actors[(buyerSeed + 1) % actors.length];
        uint256 next = market.orderCount() + 1;
        (bool ok, bytes memory ret) = _call(b, s.price, abi.encodeCall(Marketplace.order, (id, "ipfs://request")));
        if (!s.active) {
            if (ok || keccak256(ret) != keccak256(abi.encodeWithSelector(Marketplace.ServiceInactive.selector, id))) {
                ghost_violations++;
            }
        } else if (!registry.hasKinds(s.seller, 1)) {
            if (ok || keccak256(ret) != keccak256(_err(Marketplace.NotServiceCollaborator.selector, s.seller))) {
                ghost_violations++;
            }
        } else if (!ok || abi.decode(ret, (uint256)) != next) {
            ghost_violations++;
        } else {
            ghost_deposited += s.price;
            calls["order"]++;
        }
    }

    /// Mostly delivers an order still on time; one call in four tries one past its deadline.
    function deliver(uint256 orderSeed, uint8 lateSeed) external useTime {
        bool late = lateSeed % 4 == 0;
        (uint256 id, IMarketplace.Order memory o) = late ? _find(orderSeed, ORDERED) : _findOnTime(orderSeed);
        if (id == 0) return;
        if (late && block.timestamp <= o.deliverBy) _setTime(uint256(o.deliverBy) + 1);
        (bool ok, bytes memory ret) =
            _call(o.seller, 0, abi.encodeCall(Marketplace.deliver, (id, "ipfs://result", keccak256(abi.encode(id)))));
        if (block.timestamp > o.deliverBy) {
            bytes memory expected = abi.encodeWithSelector(Marketplace.DeliveryDeadlinePassed.selector, id, o.deliverBy);
            if (ok || keccak256(ret) != keccak256(expected)) ghost_violations++;
            calls["deliverLate"]++;
        } else {
            if (!ok) ghost_violations++;
            calls["deliver"]++;
        }
    }

    function accept(uint256 orderSeed) external useTime {
        (uint256 id, IMarketplace.Order memory o) = _find(orderSeed, DELIVERED);
        if (id == 0) return;
        uint256[3] memory before = _snap(o);
        (bool ok,) = _call(o.buyer, 0, abi.encodeCall(Marketplace.accept, (id)));
        if (!ok) ghost_violations++;
        _recordSettled(id, o, before);
        calls["accept"]++;
    }

    function release(uint256 orderSeed, bool wait) external useTime {
        (uint256 id, IMarketplace.Order memory o) = _find(orderSeed, DELIVERED);
        if (id == 0) return;
        uint256 reviewEnd = uint256(o.deliveredAt) + o.reviewWindow;
        if (wait && block.timestamp < reviewEnd) _setTime(reviewEnd);
        uint256[3] memory before = _snap(o);
        vm.prank(anyone);
        try market.release(id) {
            if (block.timestamp < reviewEnd) ghost_violations++;
            _recordSettled(id, o, before);
            calls["release"]++;
        } catch (bytes memory err) {
            bytes memory expected = abi.encodeWithSelector(Marketplace.ReviewWindowOpen.selector, id, reviewEnd);
            if (block.timestamp >= reviewEnd || keccak256(err) != keccak256(expected)) ghost_violations++;
            calls["releaseEarly"]++;
        }
    }

    function refund(uint256 orderSeed, bool wait) external useTime {
        (uint256 id, IMarketplace.Order memory o) = _find(orderSeed, ORDERED);
        if (id == 0) return;
        if (wait && block.timestamp <= o.deliverBy) _setTime(uint256(o.deliverBy) + 1);
        uint256[3] memory before = _snap(o);
        vm.prank(anyone);
        try market.refund(id) {
            if (block.timestamp <= o.deliverBy) ghost_violations++;
            _recordMove(id, o, before, o.price, 0, 0);
            calls["refund"]++;
        } catch (bytes memory err) {
            bytes memory expected =
                abi.encodeWithSelector(Marketplace.DeliveryDeadlineNotPassed.selector, id, o.deliverBy);
            if (block.timestamp > o.deliverBy || keccak256(err) != keccak256(expected)) ghost_violations++;
            calls["refundEarly"]++;
        }
    }

    function cancel(uint256 orderSeed) external useTime {
        (uint256 id, IMarketplace.Order memory o) = _find(orderSeed, ORDERED);
        if (id == 0) return;
        uint256[3] memory before = _snap(o);
        (bool ok,) = _call(o.seller, 0, abi.encodeCall(Marketplace.cancel, (id)));
        if (!ok) ghost_violations++;
        _recordMove(id, o, before, o.price, 0, 0);
        calls["cancel"]++;
    }

    function dispute(uint256 orderSeed) external useTime {
        (uint256 id, IMarketplace.Order memory o) = _find(orderSeed, DELIVERED);
        if (id == 0) return;
        uint256 reviewEnd = uint256(o.deliveredAt) + o.reviewWindow;
        (bool ok, bytes memory ret) = _call(o.buyer, 0, abi.encodeCall(Marketplace.dispute, (id, "ipfs://why")));
        if (block.timestamp < reviewEnd) {
            if (!ok) ghost_violations++;
            calls["dispute"]++;
        } else {
            bytes memory expected = abi.encodeWithSelector(Marketplace.ReviewWindowClosed.selector, id, reviewEnd);
            if (ok || keccak256(ret) != keccak256(expected)) ghost_violations++;
            calls["disputeLate"]++;
        }
    }

    function giveRuling(uint256 orderSeed, uint8 rulingSeed) external useTime {
        (uint256 id, IMarketplace.Order memory o) = _find(orderSeed, DISPUTED);
        if (id == 0) return;
        _resolve(id, o, IMarketplace.Ruling(rulingSeed % 3));
        calls["giveRuling"]++;
    }

    /// Any action on a terminal order must fail and change nothing.
    function pokeTerminal(uint256 orderSeed, uint8 action) external useTime {
        (uint256 id, IMarketplace.Order memory o) = _find(orderSeed, SETTLED);
        if (id == 0) (id, o) = _find(orderSeed, REFUNDED);
        if (id == 0) (id, o) = _find(orderSeed, RULED);
        if (id == 0) return;
        action = action % 7;
        bool ok;
        if (action == 0) {
            (ok,) = _call(o.seller, 0, abi.encodeCall(Marketplace.deliver, (id, "", bytes32(0))));
        } else if (action == 1) {
            (ok,) = _call(o.buyer, 0, abi.encodeCall(Marketplace.accept, (id)));
        } else if (action == 2) {
            (ok,) = _call(anyone, 0, abi.encodeCall(Marketplace.release, (id)));
        } else if (action == 3) {
            (ok,) = _call(anyone, 0, abi.encodeCall(Marketplace.refund, (id)));
        } else if (action == 4) {
            (ok,) = _call(o.seller, 0, abi.encodeCall(Marketplace.cancel, (id)));
        } else if (action == 5) {
            (ok,) = _call(o.buyer, 0, abi.encodeCall(Marketplace.dispute, (id, "")));
        } else {
            (ok,) = market.arbitrator().call(
                abi.encodeCall(ArbitratorMock.giveRuling, (market.disputeOf(id).disputeId, uint256(1)))
            );
        }
        if (ok) ghost_violations++;
        calls["pokeTerminal"]++;
    }

    // ───────────────────────────── payments ─────────────────────────────

    function withdraw(uint256 accountSeed, uint8 reentryTarget, uint256 orderSeed) external useTime {
        address a;
        uint256 owed;
        for (uint256 i; i < accounts.length && owed == 0; ++i) {
            a = accounts[(accountSeed % accounts.length + i) % accounts.length];
            owed = market.creditOf(a);
        }
        if (owed == 0) return;
        _withdraw(a, reentryTarget, orderSeed);
        calls["withdraw"]++;
    }

    function withdrawNothing(uint256 accountSeed) external useTime {
        address a = accounts[accountSeed % accounts.length];
        if (market.creditOf(a) != 0) return;
        (bool ok, bytes memory ret) = _call(a, 0, abi.encodeCall(Marketplace.withdraw, ()));
        if (ok || keccak256(ret) != keccak256(abi.encodeWithSelector(Marketplace.NothingToWithdraw.selector))) {
            ghost_violations++;
        }
        calls["withdrawNothing"]++;
    }

    // ───────────────────────────── governance and world ─────────────────────────────

    function setParameters(uint16 feeBps, uint32 reviewWindow) external useTime {
        feeBps = uint16(bound(feeBps, 0, 1000));
        reviewWindow = uint32(bound(reviewWindow, 1 hours, 10 days));
        market.setFee(feeBps);
        market.setReviewWindow(reviewWindow);
        calls["setParameters"]++;
    }

    function switchTreasury() external useTime {
        address old = market.treasury();
        address next = old == treasuries[0] ? treasuries[1] : treasuries[0];
        market.setTreasury(next);
        ghost_credit[old] += ghost_fees;
        ghost_fees = 0;
        calls["switchTreasury"]++;
    }

    /// Suspends an Active EOA seller one call in three; reinstates a suspended one.
    function suspendOrReinstate(uint256 sellerSeed) external useTime {
        address s = sellers[sellerSeed % 2]; // the EOA sellers
        CollaboratorRegistry.Status status = registry.get(s).status;
        if (status == CollaboratorRegistry.Status.Active && sellerSeed % 3 == 0) registry.suspend(s, "invariant");
        else if (status == CollaboratorRegistry.Status.Suspended) registry.reinstate(s);
        calls["suspendOrReinstate"]++;
    }

    function warp(uint256 secondsForward) external useTime {
        _setTime(block.timestamp + bound(secondsForward, 0, 1 days));
        calls["warp"]++;
    }

    /// ETH arriving without a call (SELFDESTRUCT, block reward); the market must not count it.
    function forceSend(uint256 amount) external useTime {
        amount = bound(amount, 1, 1 ether);
        vm.deal(address(market), address(market).balance + amount);
        ghost_forced += amount;
        calls["forceSend"]++;
    }

    // ───────────────────────────── end of run ─────────────────────────────

    /// Rules every dispute, refunds or releases every open order, and withdraws every credit.
    function drainAll() external {
        _setTime(currentTime + 30 days);
        uint256 n = market.orderCount();
        for (uint256 id = 1; id <= n; ++id) {
            IMarketplace.Order memory o = market.getOrder(id);
            uint256[3] memory before = _snap(o);
            if (o.state == ORDERED) {
                market.refund(id);
                _recordMove(id, o, before, o.price, 0, 0);
            } else if (o.state == DELIVERED) {
                market.release(id);
                _recordSettled(id, o, before);
            } else if (o.state == DISPUTED) {
                _resolve(id, o, IMarketplace.Ruling(id % 3));
            }
        }
        for (uint256 i; i < accounts.length; ++i) {
            if (market.creditOf(accounts[i]) != 0) _withdraw(accounts[i], 0, 0);
        }
    }

    // ───────────────────────────── internals ─────────────────────────────

    function _resolve(uint256 id, IMarketplace.Order memory o, IMarketplace.Ruling ruling) internal {
        uint256[3] memory before = _snap(o);
        ArbitratorMock(market.arbitrator()).giveRuling(market.disputeOf(id).disputeId, uint256(ruling));
        if (ruling == IMarketplace.Ruling.Buyer) {
            _recordMove(id, o, before, o.price, 0, 0);
        } else if (ruling == IMarketplace.Ruling.Seller) {
            _recordSettled(id, o, before);
        } else {
            _recordMove(id, o, before, o.price - o.price / 2, o.price / 2, 0);
        }
    }

    function _withdraw(address a, uint8 reentryTarget, uint256 orderSeed) internal {
        uint256 expected = ghost_credit[a];
        if (a == market.treasury()) expected += ghost_fees;
        if (a == address(attacker)) {
            MarketplaceActor.Target target = MarketplaceActor.Target(reentryTarget % 5 + 1);
            uint256 n = market.orderCount();
            attacker.arm(target, n == 0 ? 0 : orderSeed % n + 1, true);
        }
        uint256 before = a.balance;
        (bool ok,) = _call(a, 0, abi.encodeCall(Marketplace.withdraw, ()));
        if (!ok) ghost_violations++;
        uint256 paid = a.balance - before;
        if (paid != expected) ghost_violations++;
        if (a == address(attacker) && (attacker.reentrySucceeded() || !attacker.reentered())) ghost_violations++;
        ghost_withdrawn += paid;
        ghost_credit[a] = 0;
        if (a == market.treasury()) ghost_fees = 0;
        if (market.creditOf(a) != 0) ghost_violations++;
    }

    /// Credits before a money move: buyer's account, seller's account, accrued fees.
    function _snap(IMarketplace.Order memory o) internal view returns (uint256[3] memory s) {
        s[0] = market.accountOf(o.buyer).credit;
        s[1] = market.accountOf(o.seller).credit;
        s[2] = market.accruedFees();
    }

    function _recordSettled(uint256 id, IMarketplace.Order memory o, uint256[3] memory before) internal {
        uint256 fee = uint256(o.price) * o.feeBps / 10_000;
        _recordMove(id, o, before, 0, o.price - fee, fee);
    }

    /// Checks the credits actually moved for order `id` against the expected refund, payout and
    /// fee, updates the model and the per-order ghosts.
    function _recordMove(
        uint256 id,
        IMarketplace.Order memory o,
        uint256[3] memory before,
        uint256 refund_,
        uint256 payout,
        uint256 fee
    ) internal {
        if (market.accountOf(o.buyer).credit - before[0] != refund_) ghost_violations++;
        if (market.accountOf(o.seller).credit - before[1] != payout) ghost_violations++;
        if (market.accruedFees() - before[2] != fee) ghost_violations++;
        if (refund_ + payout + fee != o.price) ghost_violations++;
        ghost_settlements[id] += 1;
        ghost_refund[id] = refund_;
        ghost_payout[id] = payout;
        ghost_fee[id] = fee;
        ghost_credit[o.buyer] += refund_;
        ghost_credit[o.seller] += payout;
        ghost_fees += fee;
        IMarketplace.Order memory after_ = market.getOrder(id);
        ghost_terminal[id] = after_.state;
        ghost_terminalRecord[id] = keccak256(abi.encode(after_));
    }

    /// The first Ordered order from `seed` on (round robin) whose deadline has not passed.
    function _findOnTime(uint256 seed) internal view returns (uint256 id, IMarketplace.Order memory o) {
        uint256 n = market.orderCount();
        for (uint256 i; i < n; ++i) {
            uint256 candidate = (seed % n + i) % n + 1;
            o = market.getOrder(candidate);
            if (o.state == ORDERED && block.timestamp <= o.deliverBy) return (candidate, o);
        }
        return (0, o);
    }

    /// The first order from `seed` on (round robin) in `state`.
    function _find(uint256 seed, IMarketplace.OrderState state)
        internal
        view
        returns (uint256 id, IMarketplace.Order memory o)
    {
        uint256 n = market.orderCount();
        for (uint256 i; i < n; ++i) {
            uint256 candidate = (seed % n + i) % n + 1;
            o = market.getOrder(candidate);
            if (o.state == state) return (candidate, o);
        }
        return (0, o);
    }

    /// Calls the market as `who` with `value` wei (minted for the call); the attacker acts
    /// through its own contract.
    function _call(address who, uint256 value, bytes memory data) internal returns (bool ok, bytes memory ret) {
        if (who == address(attacker)) {
            vm.deal(who, who.balance + value);
            try attacker.execute(address(market), value, data) returns (bytes memory r) {
                return (true, r);
            } catch (bytes memory err) {
                return (false, err);
            }
        }
        vm.deal(who, who.balance + value);
        vm.prank(who);
        (ok, ret) = address(market).call{value: value}(data);
    }

    function _err(bytes4 selector, address a) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, a);
    }

    function _setTime(uint256 t) internal {
        currentTime = t;
        vm.warp(t);
    }
}

contract MarketplaceInvariantTest is StdInvariant, Test {
    Marketplace internal market;
    CollaboratorRegistry internal registry;
    MarketplaceHandler internal handler;
    address internal admin = makeAddr("admin");
    address internal treasury0 = makeAddr("treasury0");
    address internal treasury1 = makeAddr("treasury1");

    function setUp() public {
        vm.warp(1_700_000_000);
        CollaboratorRegistry registryImpl = new CollaboratorRegistry();
        registry = CollaboratorRegistry(
            address(
                new ERC1967Proxy(
                    address(registryImpl), abi.encodeCall(CollaboratorRegistry.initialize, (admin, 0.01 ether, 7 days))
                )
            )
        );
        MarketplaceReputationMock reputation = new MarketplaceReputationMock();
        Marketplace impl = new Marketplace();
        market = Marketplace(
            address(
                new ERC1967Proxy(
                    address(impl),
                    abi.encodeCall(
                        Marketplace.initialize, (admin, address(registry), address(reputation), treasury0, 250, 1 days)
                    )
                )
            )
        );
        reputation.setMarket(address(market));
        handler = new MarketplaceHandler(market, registry, treasury0, treasury1);
        vm.startPrank(admin);
        market.grantRole(market.GOVERNOR_ROLE(), address(handler));
        market.setArbitrator(new ArbitratorMock());
        registry.grantRole(registry.GOVERNOR_ROLE(), address(handler));
        vm.stopPrank();

        // Weighted: the order lifecycle is picked more often than governance and world events.
        bytes4[] memory selectors = new bytes4[](26);
        selectors[0] = MarketplaceHandler.listService.selector;
        selectors[1] = MarketplaceHandler.updateService.selector;
        selectors[2] = MarketplaceHandler.setServiceActive.selector;
        selectors[3] = MarketplaceHandler.order.selector;
        selectors[4] = MarketplaceHandler.order.selector;
        selectors[5] = MarketplaceHandler.order.selector;
        selectors[6] = MarketplaceHandler.deliver.selector;
        selectors[7] = MarketplaceHandler.deliver.selector;
        selectors[8] = MarketplaceHandler.deliver.selector;
        selectors[9] = MarketplaceHandler.accept.selector;
        selectors[10] = MarketplaceHandler.release.selector;
        selectors[11] = MarketplaceHandler.refund.selector;
        selectors[12] = MarketplaceHandler.cancel.selector;
        selectors[13] = MarketplaceHandler.dispute.selector;
        selectors[14] = MarketplaceHandler.dispute.selector;
        selectors[15] = MarketplaceHandler.giveRuling.selector;
        selectors[16] = MarketplaceHandler.pokeTerminal.selector;
        selectors[17] = MarketplaceHandler.withdraw.selector;
        selectors[18] = MarketplaceHandler.withdraw.selector;
        selectors[19] = MarketplaceHandler.withdrawNothing.selector;
        selectors[20] = MarketplaceHandler.setParameters.selector;
        selectors[21] = MarketplaceHandler.switchTreasury.selector;
        selectors[22] = MarketplaceHandler.suspendOrReinstate.selector;
        selectors[23] = MarketplaceHandler.warp.selector;
        selectors[24] = MarketplaceHandler.warp.selector;
        selectors[25] = MarketplaceHandler.forceSend.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// Σ escrow of open orders (Ordered, Delivered, Disputed).
    function _escrow() internal view returns (uint256 open) {
        uint256 n = market.orderCount();
        for (uint256 id = 1; id <= n; ++id) {
            IMarketplace.Order memory o = market.getOrder(id);
            if (
                o.state == IMarketplace.OrderState.Ordered || o.state == IMarketplace.OrderState.Delivered
                    || o.state == IMarketplace.OrderState.Disputed
            ) open += o.price;
        }
    }

    /// Σ creditOf over every account that can hold one (accrued fees included via the treasury).
    function _credits() internal view returns (uint256 sum) {
        for (uint256 i; i < handler.accountCount(); ++i) {
            sum += market.creditOf(handler.accountAt(i));
        }
    }

    /// The contract always holds at least the open escrow plus every withdrawable credit.
    function invariant_balanceCoversEscrowAndCredits() public view {
        assertGe(address(market).balance, _escrow() + _credits());
    }

    /// totalOwed is exactly open escrow + credits, and ETH in minus ETH out.
    function invariant_totalOwedIsExact() public view {
        uint256 owed = market.totalOwed();
        assertEq(owed, _escrow() + _credits(), "totalOwed == escrow + credits");
        assertEq(handler.ghost_deposited() - handler.ghost_withdrawn(), owed, "in - out == owed");
        assertEq(address(market).balance, owed + handler.ghost_forced(), "balance == owed + forced");
    }

    /// Every account's credit and the accrued fees equal the model; their sum is the total.
    function invariant_creditsMatchModel() public view {
        uint256 modelled;
        for (uint256 i; i < handler.accountCount(); ++i) {
            address a = handler.accountAt(i);
            assertEq(market.accountOf(a).credit, handler.ghost_credit(a), "account credit");
            modelled += handler.ghost_credit(a);
        }
        assertEq(market.accruedFees(), handler.ghost_fees(), "accrued fees");
        assertEq(_credits(), modelled + handler.ghost_fees(), "sum of credits");
    }

    /// Open orders have paid nothing; closed ones paid exactly once, payout + refund + fee = price,
    /// and their record never changes again.
    function invariant_ordersPayOnceAndTerminalStatesAbsorb() public view {
        uint256 n = market.orderCount();
        for (uint256 id = 1; id <= n; ++id) {
            IMarketplace.Order memory o = market.getOrder(id);
            IMarketplace.OrderState s = o.state;
            bool terminal = s == IMarketplace.OrderState.Settled || s == IMarketplace.OrderState.Refunded
                || s == IMarketplace.OrderState.Ruled;
            assertEq(handler.ghost_settlements(id), terminal ? 1 : 0, "paid once when terminal, never before");
            if (terminal) {
                assertEq(
                    handler.ghost_payout(id) + handler.ghost_refund(id) + handler.ghost_fee(id),
                    o.price,
                    "payout + refund + fee == price"
                );
                assertEq(uint8(s), uint8(handler.ghost_terminal(id)), "terminal state absorbing");
                assertEq(keccak256(abi.encode(o)), handler.ghost_terminalRecord(id), "terminal record frozen");
            } else {
                assertTrue(s != IMarketplace.OrderState.None, "ids are dense");
            }
        }
        assertEq(uint8(market.getOrder(n + 1).state), 0);
    }

    /// Nothing the handler checked along the way went wrong (exact errors at every boundary,
    /// exact withdrawals, the attacker never got back in).
    function invariant_noViolations() public view {
        assertEq(handler.ghost_violations(), 0);
    }

    /// After every run everybody can get out: every order closes, every credit is paid exactly
    /// once and only force-sent ETH stays behind.
    function afterInvariant() external {
        handler.drainAll();
        assertEq(market.totalOwed(), 0, "nothing owed");
        assertEq(_credits(), 0, "no credits left");
        assertEq(address(market).balance, handler.ghost_forced(), "only forced ETH left");
        assertEq(handler.ghost_deposited(), handler.ghost_withdrawn(), "in == out");
        assertEq(handler.ghost_violations(), 0, "violations");
        invariant_ordersPayOnceAndTerminalStatesAbsorb();
    }
}
