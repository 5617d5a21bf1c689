// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {CollaboratorRegistry} from "./CollaboratorRegistry.sol";
import {IArbitrable} from "./interfaces/IArbitrable.sol";
import {IArbitrator} from "./interfaces/IArbitrator.sol";
import {IEvidence} from "./interfaces/IEvidence.sol";
import {IMarketplace} from "./interfaces/IMarketplace.sol";
import {IReputation} from "./interfaces/IReputation.sol";

/// @title Marketplace
/// @notice Service collaborators of the Open Source Organization list services; anyone orders one
/// by paying its price into escrow. The seller delivers before the deadline, the buyer accepts (or,
/// once the review window is over, anyone releases) and the seller is paid less the protocol fee.
/// An undelivered order is refunded after the deadline; the buyer may dispute a delivery during
/// the review window and the arbitrator rules. Every payment is a credit drawn with `withdraw`.
/// @dev UUPS upgradeable, ERC-7201 namespaced storage.
///
/// Disputes (ERC-792 / ERC-1497): the Marketplace is the arbitrable of an ERC-792 arbitrator that
/// governance sets with `setArbitrator` (the OSO DisputeCourt; any ERC-792 arbitrator fits). A new
/// arbitrator applies to disputes opened from then on: each disputed order remembers its arbitrator
/// and dispute id. `dispute` pays the arbitration cost (sent by the buyer) and opens a 2-choice
/// dispute; its meta-evidence (id 0, emitted when an arbitrator is first set) names the choices:
/// 1 = refund the buyer, 2 = pay the seller, 0 = refused (split 50/50). The buyer's reason is the
/// dispute's first evidence. The losing party may `appeal` (either party after a refusal), paying
/// the arbitrator's appeal cost. The arbitrator's final ruling arrives once through `rule`.
/// Slashing: when governance set `disputeSlash` > 0, a seller who loses a dispute also loses
/// min(disputeSlash, bond) of its registry bond to the buyer (credited in the registry); the
/// registry must grant this contract SLASHER_ROLE. A slash that fails (role revoked, no bond left,
/// collaborator exited) is skipped so it never blocks a ruling.
///
/// Time convention — every deadline second belongs to exactly one side:
/// - delivery: `deliver` is allowed while `block.timestamp <= deliverBy` (the deadline second is
///   the seller's); `refund` of an undelivered order from `deliverBy + 1`.
/// - review: the window is `[deliveredAt, reviewEnd)` with `reviewEnd = deliveredAt + reviewWindow`.
///   `dispute` is allowed while `block.timestamp < reviewEnd`; `release` from `reviewEnd` on.
///   The buyer may `accept` a delivered order at any time, before or after `reviewEnd`.
///
/// Money: `payout + refund + fee == price` for every order, settled exactly once. On settlement
/// `fee = price * feeBps / 10_000` (rounded down, in the seller's favour) and the seller is
/// credited `price - fee`. A refused ruling splits the price with no fee, the odd wei to the buyer.
/// Fees accrue in one counter drawn by whoever is treasury at the time of `withdraw`;
/// `setTreasury` first moves the fees accrued so far to the old treasury's own credit.
///
/// Reputation: settlements and lost disputes are reported to the reputation module inside the
/// same transaction, after the order's state has changed. The module is trusted (governance sets
/// it) and must not revert for this contract; if it does, the settlement reverts whole and the
/// escrow waits until governance points `setReputation` at a working module.
///
/// Gas: an order is four storage slots (see IMarketplace.Order) and URIs live in events only.
/// Escrow accounting is one counter, `totalOwed` (open escrow + credits + accrued fees), kept in
/// the slot every order writes anyway; it changes only when ETH comes in (`order`) or goes out
/// (`withdraw`), so settling, refunding and ruling never touch it. Fees accrue in the slot of the
/// reputation address, which every settlement reads anyway. A seller's account slot is non-zero
/// from its first listing on, so crediting it at settlement never pays for a fresh slot.
contract Marketplace is
    IMarketplace,
    IEvidence,
    Initializable,
    AccessControlUpgradeable,
    UUPSUpgradeable,
    ReentrancyGuardTransient
{
    // ─────────────────────────────── Types ───────────────────────────────

    /// @notice A listed service. `id` starts at 1. Two header slots, then the strings.
    struct Service {
        uint64 id;
        address seller;
        uint32 deliveryWindow;
        uint128 price;
        bool active;
        string title;
        string metadataURI;
    }

    /// @notice The arbitrator and its dispute id for a disputed order, one slot.
    struct DisputeRef {
        address arbitrator;
        uint96 disputeId;
    }

    /// @notice Per-account bookkeeping, one slot.
    /// `credit`: wei the account may withdraw (for the treasury, `creditOf` adds the accrued fees).
    /// `services`: services the account has listed. `sales`: orders settled with it as seller.
    struct Account {
        uint128 credit;
        uint64 services;
        uint64 sales;
    }

    /// @custom:storage-location erc7201:oso.storage.Marketplace
    struct MarketStorage {
        // slot 0 — read and written by every order; totalOwed also by every withdrawal
        uint128 totalOwed;
        uint48 orderCount;
        uint16 feeBps;
        uint32 reviewWindow;
        // slot 1
        address registry;
        uint64 serviceCount;
        // slot 2 — read and written by every settlement (never zero: the address is set).
        // uint96 holds ~7.9e28 wei; accrued fees are ETH this contract holds, and all the ETH
        // there is (~1.2e26 wei) fits, so the checked cast in _settle can never fail for real.
        address reputation;
        uint96 accruedFees;
        // slot 3
        address treasury;
        mapping(uint256 serviceId => Service) services;
        mapping(uint256 orderId => Order) orders;
        mapping(address account => Account) accounts;
        mapping(address seller => mapping(uint256 index => uint64 serviceId)) sellerServices;
        // ── appended for the court (issue 4) ──
        // the ERC-792 arbitrator of new disputes, and whether meta-evidence 0 was emitted
        address arbitrator;
        bool metaEvidenceEmitted;
        // bond slashed from a seller who loses a dispute (0 = disabled)
        uint256 disputeSlash;
        mapping(uint256 orderId => DisputeRef) disputes;
        mapping(address arbitrator => mapping(uint256 disputeId => uint256 orderId)) orderOfDispute;
    }

    // ────────────────────────────── Constants ─────────────────────────────

    /// @notice Registry kind bit a seller must hold (CollaboratorRegistry.KIND_SERVICE).
    uint8 public constant KIND_SERVICE = 1;
    /// @notice Longest service title, in bytes.
    uint256 public constant MAX_TITLE_LENGTH = 96;
    /// @notice Longest metadata, request, result or reason URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice Shortest delivery window a service may promise.
    uint32 public constant MIN_DELIVERY_WINDOW = 1 minutes;
    /// @notice Longest delivery window a service may promise.
    uint32 public constant MAX_DELIVERY_WINDOW = 90 days;
    /// @notice Shortest review window governance may set.
    uint32 public constant MIN_REVIEW_WINDOW = 1 hours;
    /// @notice Longest review window governance may set.
    uint32 public constant MAX_REVIEW_WINDOW = 30 days;
    /// @notice Highest protocol fee governance may set, in basis points (10%).
    uint16 public constant MAX_FEE_BPS = 1000;
    /// @notice Basis-point denominator.
    uint256 public constant BPS = 10_000;
    /// @notice Largest page `servicePage` returns and most ids `getOrders` reads.
    uint256 public constant MAX_PAGE_SIZE = 500;
    /// @notice Ruling options of a marketplace dispute (1 buyer, 2 seller; 0 refused on top).
    uint256 public constant DISPUTE_CHOICES = 2;
    /// @notice ERC-1497 meta-evidence 0, used by every marketplace dispute: what the choices mean.
    string public constant META_EVIDENCE_URI =
        'data:application/json,{"title":"OSO marketplace order dispute","description":"The buyer disputes the delivery of an order; its escrow waits for the ruling.","question":"Does the delivery meet the order?","rulingOptions":{"type":"single-select","titles":["Refund the buyer","Pay the seller"],"descriptions":["The delivery does not meet the order: the buyer gets the full price back and the seller loses the dispute.","The delivery meets the order: the seller is paid (less the protocol fee) and the buyer loses the dispute."]},"refusal":"Refused: the price is split 50/50 and nobody loses."}';

    /// @notice May set the fee, review window, treasury and reputation.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May upgrade the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");

    // keccak256(abi.encode(uint256(keccak256("oso.storage.Marketplace")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xf3e467af75a61393ae33157717933ef59375af2a1f816ba8f0a144490166ea00;

    // ─────────────────────────────── Events ───────────────────────────────

    /// @notice `seller` listed service `serviceId`.
    event ServiceListed(
        uint256 indexed serviceId,
        address indexed seller,
        uint256 price,
        uint32 deliveryWindow,
        string title,
        string metadataURI
    );
    /// @notice `seller` changed the terms of service `serviceId` (open orders keep their terms).
    event ServiceUpdated(
        uint256 indexed serviceId,
        address indexed seller,
        uint256 price,
        uint32 deliveryWindow,
        string title,
        string metadataURI
    );
    /// @notice `seller` (de)activated service `serviceId`.
    event ServiceActiveSet(uint256 indexed serviceId, address indexed seller, bool active);
    /// @notice `buyer` ordered service `serviceId` from `seller`, paying `price` into escrow.
    /// `requestURI` describes what is asked; it is not stored.
    event OrderPlaced(
        uint256 orderId,
        address indexed buyer,
        address indexed seller,
        uint256 indexed serviceId,
        uint256 price,
        uint40 deliverBy,
        string requestURI
    );
    /// @notice The seller delivered order `orderId`. `resultURI` is not stored; `resultHash` is.
    event OrderDelivered(
        uint256 indexed orderId, address indexed buyer, address indexed seller, string resultURI, bytes32 resultHash
    );
    /// @notice Order `orderId` settled: `payout` credited to the seller, `fee` to the treasury.
    /// `byBuyer` is true for `accept`, false for `release`.
    event OrderSettled(
        uint256 indexed orderId,
        address indexed buyer,
        address indexed seller,
        uint256 payout,
        uint256 fee,
        bool byBuyer
    );
    /// @notice Undelivered order `orderId` was refunded after its deadline: `amount` credited to the buyer.
    event OrderRefunded(uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 amount);
    /// @notice The seller cancelled order `orderId` before delivering: `amount` credited to the buyer.
    event OrderCancelled(uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 amount);
    /// @notice The buyer disputed the delivery of order `orderId`: dispute `disputeId` of the order's
    /// arbitrator. `reasonURI` is not stored (it is also the dispute's first ERC-1497 evidence).
    event OrderDisputed(
        uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 disputeId, string reasonURI
    );
    /// @notice `appellant` appealed the ruling on order `orderId` (dispute `disputeId`), paying `cost`.
    event OrderAppealed(uint256 indexed orderId, address indexed appellant, uint256 disputeId, uint256 cost);
    /// @notice `amount` of `seller`'s registry bond was slashed to `buyer` after losing the dispute on `orderId`.
    event SellerSlashed(uint256 indexed orderId, address indexed seller, address indexed buyer, uint256 amount);
    /// @notice The arbitrator ruled on order `orderId`: credits to buyer and seller, fee to the treasury.
    event DisputeResolved(
        uint256 indexed orderId,
        address indexed buyer,
        address indexed seller,
        Ruling ruling,
        uint256 refund,
        uint256 payout,
        uint256 fee
    );
    /// @notice `account` withdrew `amount` wei of credit.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice The protocol fee for future orders changed.
    event FeeSet(uint16 feeBps);
    /// @notice The review window for future orders changed.
    event ReviewWindowSet(uint32 reviewWindow);
    /// @notice The treasury changed; `movedFees` accrued fees were credited to `previous`.
    event TreasurySet(address indexed treasury, address indexed previous, uint256 movedFees);
    /// @notice The reputation module changed.
    event ReputationSet(address indexed reputation);
    /// @notice Disputes opened from now on go to `arbitrator`.
    event ArbitratorSet(address indexed arbitrator);
    /// @notice The bond slashed from a seller who loses a dispute changed (0 = disabled).
    event DisputeSlashSet(uint256 amount);

    // ─────────────────────────────── Errors ───────────────────────────────

    /// @notice The zero address where a real one is needed.
    error ZeroAddress();
    /// @notice `account` is not an Active service collaborator in the registry.
    error NotServiceCollaborator(address account);
    /// @notice The title is empty or longer than 96 bytes.
    error InvalidTitle();
    /// @notice A URI is longer than 256 bytes.
    error URITooLong();
    /// @notice A price of zero or above `type(uint128).max`.
    error InvalidPrice(uint256 price);
    /// @notice A delivery window outside [MIN_DELIVERY_WINDOW, MAX_DELIVERY_WINDOW].
    error InvalidDeliveryWindow(uint32 deliveryWindow);
    /// @notice No service has this id.
    error UnknownService(uint256 serviceId);
    /// @notice The caller is not the service's seller.
    error NotServiceSeller(uint256 serviceId, address caller);
    /// @notice The service is not active.
    error ServiceInactive(uint256 serviceId);
    /// @notice The ETH sent is not exactly the price.
    error WrongPayment(uint256 sent, uint256 price);
    /// @notice The buyer is the seller.
    error SelfDealing();
    /// @notice No order has this id.
    error UnknownOrder(uint256 orderId);
    /// @notice The order is not in a state that allows this action.
    error WrongState(uint256 orderId, OrderState state);
    /// @notice Only the order's buyer may do this.
    error NotBuyer(uint256 orderId, address caller);
    /// @notice Only the order's seller may do this.
    error NotSeller(uint256 orderId, address caller);
    /// @notice `deliver` after `deliverBy`.
    error DeliveryDeadlinePassed(uint256 orderId, uint40 deliverBy);
    /// @notice `refund` at or before `deliverBy`.
    error DeliveryDeadlineNotPassed(uint256 orderId, uint40 deliverBy);
    /// @notice `dispute` at or after the end of the review window.
    error ReviewWindowClosed(uint256 orderId, uint256 reviewEnd);
    /// @notice `release` before the end of the review window.
    error ReviewWindowOpen(uint256 orderId, uint256 reviewEnd);
    /// @notice A fee above MAX_FEE_BPS.
    error FeeTooHigh(uint16 feeBps);
    /// @notice A review window outside [MIN_REVIEW_WINDOW, MAX_REVIEW_WINDOW].
    error InvalidReviewWindow(uint32 reviewWindow);
    /// @notice Nothing is owed to the caller.
    error NothingToWithdraw();
    /// @notice Sending ETH failed.
    error TransferFailed();
    /// @notice A page size of zero or above the maximum.
    error InvalidPageSize(uint256 limit);
    /// @notice No arbitrator is set: disputes cannot be opened yet.
    error ArbitratorNotSet();
    /// @notice The ETH sent is not exactly the arbitration cost.
    error WrongArbitrationFee(uint256 sent, uint256 cost);
    /// @notice The caller is not an arbitrator with this dispute open on an order.
    error UnknownDispute(address arbitrator, uint256 disputeId);
    /// @notice A ruling above DISPUTE_CHOICES.
    error InvalidRuling(uint256 ruling);
    /// @notice Only the party the current ruling goes against may appeal (either one after a refusal).
    error NotLosingParty(uint256 orderId, address caller);

    // ──────────────────────────── Construction ────────────────────────────

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the proxy: `admin` receives every role; wiring and economic parameters.
    /// @param admin Holder of the admin, governor and upgrader roles.
    /// @param registry_ The CollaboratorRegistry that says who may sell.
    /// @param reputation_ The Reputation module told about settlements and lost disputes.
    /// @param treasury_ Receiver of the protocol fee.
    /// @param feeBps_ Protocol fee in basis points, at most MAX_FEE_BPS.
    /// @param reviewWindow_ Seconds the buyer has to dispute a delivery, within the bounds.
    function initialize(
        address admin,
        address registry_,
        address reputation_,
        address treasury_,
        uint16 feeBps_,
        uint32 reviewWindow_
    ) external initializer {
        if (admin == address(0) || registry_ == address(0) || reputation_ == address(0) || treasury_ == address(0)) {
            revert ZeroAddress();
        }
        _checkFee(feeBps_);
        _checkReviewWindow(reviewWindow_);
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _grantRole(UPGRADER_ROLE, admin);
        MarketStorage storage $ = _storage();
        $.registry = registry_;
        $.feeBps = feeBps_;
        $.reviewWindow = reviewWindow_;
        $.reputation = reputation_;
        $.treasury = treasury_;
        emit FeeSet(feeBps_);
        emit ReviewWindowSet(reviewWindow_);
        emit TreasurySet(treasury_, address(0), 0);
        emit ReputationSet(reputation_);
    }

    // ─────────────────────────────── Services ───────────────────────────────

    /// @notice List a new, active service. Only an Active service collaborator of the registry.
    /// @param title Display title, 1–96 bytes.
    /// @param metadataURI Where the full description lives (≤ 256 bytes).
    /// @param price Price in wei, 1..type(uint128).max.
    /// @param deliveryWindow Seconds from order to delivery deadline, 1 minute..90 days.
    /// @return serviceId The new service's id (ids start at 1).
    function listService(string calldata title, string calldata metadataURI, uint256 price, uint32 deliveryWindow)
        external
        returns (uint256 serviceId)
    {
        MarketStorage storage $ = _storage();
        _checkSeller($, msg.sender);
        _checkTerms(title, metadataURI, price, deliveryWindow);
        serviceId = _newService($, price, deliveryWindow);
        Service storage s = $.services[serviceId];
        s.title = title;
        s.metadataURI = metadataURI;
        emit ServiceListed(serviceId, msg.sender, price, deliveryWindow, title, metadataURI);
    }

    /// @notice Change a service's terms. Only its seller. Orders already placed keep their terms.
    /// @param serviceId The service.
    /// @param title New title, 1–96 bytes.
    /// @param metadataURI New metadata URI (≤ 256 bytes).
    /// @param price New price in wei, 1..type(uint128).max.
    /// @param deliveryWindow New delivery window, 1 minute..90 days.
    function updateService(
        uint256 serviceId,
        string calldata title,
        string calldata metadataURI,
        uint256 price,
        uint32 deliveryWindow
    ) external {
        Service storage s = _ownService(serviceId);
        _checkTerms(title, metadataURI, price, deliveryWindow);
        s.deliveryWindow = deliveryWindow;
        s.price = uint128(price);
        s.title = title;
        s.metadataURI = metadataURI;
        emit ServiceUpdated(serviceId, msg.sender, price, deliveryWindow, title, metadataURI);
    }

    /// @notice Take a service off the market, or put it back. Only its seller; reactivating also
    /// needs the seller to be an Active service collaborator. Open orders are not affected.
    /// @param serviceId The service.
    /// @param active Whether it can be ordered.
    function setServiceActive(uint256 serviceId, bool active) external {
        Service storage s = _ownService(serviceId);
        if (active) _checkSeller(_storage(), msg.sender);
        s.active = active;
        emit ServiceActiveSet(serviceId, msg.sender, active);
    }

    // ──────────────────────────────── Orders ────────────────────────────────

    /// @notice Order a service, paying exactly its price into escrow. The service must be active
    /// and its seller an Active service collaborator; the buyer may not be the seller. The order
    /// takes the price, fee and review window in force now; the delivery deadline is
    /// `block.timestamp + deliveryWindow`.
    /// @param serviceId The service.
    /// @param requestURI What the buyer asks for (≤ 256 bytes); emitted, not stored.
    /// @return orderId The new order's id (ids start at 1).
    function order(uint256 serviceId, string calldata requestURI) external payable returns (uint256 orderId) {
        if (bytes(requestURI).length > MAX_URI_LENGTH) revert URITooLong();
        (uint48 id, address seller, uint128 price, uint40 deliverBy) = _placeOrder(serviceId);
        emit OrderPlaced(id, msg.sender, seller, serviceId, price, deliverBy, requestURI);
        return id;
    }

    /// @notice Deliver an order. Only its seller, while Ordered and `block.timestamp <= deliverBy`.
    /// @param orderId The order.
    /// @param resultURI Where the result lives (≤ 256 bytes); emitted, not stored.
    /// @param resultHash Content hash of the result; stored.
    function deliver(uint256 orderId, string calldata resultURI, bytes32 resultHash) external {
        Order storage o = _order(orderId);
        address seller = o.seller;
        if (msg.sender != seller) revert NotSeller(orderId, msg.sender);
        _checkState(orderId, o.state, OrderState.Ordered);
        uint40 deliverBy = o.deliverBy;
        if (block.timestamp > deliverBy) revert DeliveryDeadlinePassed(orderId, deliverBy);
        if (bytes(resultURI).length > MAX_URI_LENGTH) revert URITooLong();
        o.state = OrderState.Delivered;
        o.deliveredAt = uint40(block.timestamp);
        o.resultHash = resultHash;
        emit OrderDelivered(orderId, o.buyer, seller, resultURI, resultHash);
    }

    /// @notice Accept a delivery: the seller is paid. Only the buyer, while Delivered (at any time).
    /// @param orderId The order.
    function accept(uint256 orderId) external nonReentrant {
        Order storage o = _order(orderId);
        address buyer = o.buyer;
        if (msg.sender != buyer) revert NotBuyer(orderId, msg.sender);
        _checkState(orderId, o.state, OrderState.Delivered);
        o.state = OrderState.Settled;
        (uint256 payout, uint256 fee) = _settle(o, orderId, buyer);
        emit OrderSettled(orderId, buyer, o.seller, payout, fee, true);
    }

    /// @notice Release the payment of a delivery nobody disputed. Anyone, while Delivered and
    /// `block.timestamp >= deliveredAt + reviewWindow`.
    /// @param orderId The order.
    function release(uint256 orderId) external nonReentrant {
        Order storage o = _order(orderId);
        _checkState(orderId, o.state, OrderState.Delivered);
        uint256 reviewEnd = uint256(o.deliveredAt) + o.reviewWindow;
        if (block.timestamp < reviewEnd) revert ReviewWindowOpen(orderId, reviewEnd);
        o.state = OrderState.Settled;
        address buyer = o.buyer;
        (uint256 payout, uint256 fee) = _settle(o, orderId, buyer);
        emit OrderSettled(orderId, buyer, o.seller, payout, fee, false);
    }

    /// @notice Refund an order that was not delivered in time. Anyone, while Ordered and
    /// `block.timestamp > deliverBy`. The buyer is credited the full price.
    /// @param orderId The order.
    function refund(uint256 orderId) external nonReentrant {
        Order storage o = _order(orderId);
        _checkState(orderId, o.state, OrderState.Ordered);
        uint40 deliverBy = o.deliverBy;
        if (block.timestamp <= deliverBy) revert DeliveryDeadlineNotPassed(orderId, deliverBy);
        o.state = OrderState.Refunded;
        address buyer = o.buyer;
        uint256 price = _refundBuyer(o, buyer);
        emit OrderRefunded(orderId, buyer, o.seller, price);
    }

    /// @notice Cancel an order you have not delivered: the buyer is credited the full price.
    /// Only the seller, while Ordered (before or after the deadline).
    /// @param orderId The order.
    function cancel(uint256 orderId) external nonReentrant {
        Order storage o = _order(orderId);
        address seller = o.seller;
        if (msg.sender != seller) revert NotSeller(orderId, msg.sender);
        _checkState(orderId, o.state, OrderState.Ordered);
        o.state = OrderState.Refunded;
        address buyer = o.buyer;
        uint256 price = _refundBuyer(o, buyer);
        emit OrderCancelled(orderId, buyer, seller, price);
    }

    /// @notice Dispute a delivery. Only the buyer, while Delivered and
    /// `block.timestamp < deliveredAt + reviewWindow`, sending exactly the arbitrator's
    /// `arbitrationCost("")`. Opens a 2-choice dispute with the current arbitrator (ERC-1497 `Dispute`
    /// with meta-evidence 0 and evidence group = dispute id; the reason is the buyer's first `Evidence`).
    /// The escrow waits for the ruling.
    /// @param orderId The order.
    /// @param reasonURI Why (≤ 256 bytes); emitted, not stored.
    /// @return disputeId The arbitrator's dispute id.
    function dispute(uint256 orderId, string calldata reasonURI)
        external
        payable
        nonReentrant
        returns (uint256 disputeId)
    {
        Order storage o = _order(orderId);
        address buyer = o.buyer;
        if (msg.sender != buyer) revert NotBuyer(orderId, msg.sender);
        _checkState(orderId, o.state, OrderState.Delivered);
        uint256 reviewEnd = uint256(o.deliveredAt) + o.reviewWindow;
        if (block.timestamp >= reviewEnd) revert ReviewWindowClosed(orderId, reviewEnd);
        if (bytes(reasonURI).length > MAX_URI_LENGTH) revert URITooLong();
        MarketStorage storage $ = _storage();
        address arb = $.arbitrator;
        if (arb == address(0)) revert ArbitratorNotSet();
        uint256 cost = IArbitrator(arb).arbitrationCost("");
        if (msg.value != cost) revert WrongArbitrationFee(msg.value, cost);
        o.state = OrderState.Disputed;
        disputeId = IArbitrator(arb).createDispute{value: cost}(DISPUTE_CHOICES, "");
        $.disputes[orderId] = DisputeRef(arb, SafeCast.toUint96(disputeId));
        $.orderOfDispute[arb][disputeId] = orderId;
        emit Dispute(IArbitrator(arb), disputeId, 0, disputeId);
        emit Evidence(IArbitrator(arb), disputeId, buyer, reasonURI);
        emit OrderDisputed(orderId, buyer, o.seller, disputeId, reasonURI);
    }

    /// @notice Appeal the current ruling on a disputed order, paying exactly the arbitrator's
    /// `appealCost` (forwarded to it). Only the party the current ruling goes against: the seller
    /// after a ruling for the buyer (1), the buyer after a ruling for the seller (2), either after a
    /// refusal (0). The arbitrator enforces its appeal window and number of rounds.
    /// @param orderId The disputed order.
    function appeal(uint256 orderId) external payable nonReentrant {
        Order storage o = _order(orderId);
        _checkState(orderId, o.state, OrderState.Disputed);
        DisputeRef memory ref = _storage().disputes[orderId];
        IArbitrator arb = IArbitrator(ref.arbitrator);
        uint256 ruling = arb.currentRuling(ref.disputeId);
        address buyer = o.buyer;
        address seller = o.seller;
        bool losing = ruling == uint256(Ruling.Buyer)
            ? msg.sender == seller
            : ruling == uint256(Ruling.Seller) ? msg.sender == buyer : msg.sender == buyer || msg.sender == seller;
        if (!losing) revert NotLosingParty(orderId, msg.sender);
        arb.appeal{value: msg.value}(ref.disputeId, "");
        emit OrderAppealed(orderId, msg.sender, ref.disputeId, msg.value);
    }

    /// @notice ERC-792 `IArbitrable.rule`: the final ruling on a dispute, applied to its order's escrow
    /// once. Only the arbitrator the order was disputed with. 1 (buyer): full refund, the seller
    /// loses the dispute (and, when enabled, part of its bond). 2 (seller): settled as if accepted
    /// (fee and payout), the buyer loses the dispute. 0 (refused): the price split 50/50, the odd wei
    /// to the buyer, no fee, nobody loses.
    /// @param disputeId The arbitrator's dispute id.
    /// @param ruling 0, 1 or 2.
    function rule(uint256 disputeId, uint256 ruling) external nonReentrant {
        MarketStorage storage $ = _storage();
        uint256 orderId = $.orderOfDispute[msg.sender][disputeId];
        if (orderId == 0) revert UnknownDispute(msg.sender, disputeId);
        if (ruling > DISPUTE_CHOICES) revert InvalidRuling(ruling);
        Order storage o = $.orders[orderId];
        _checkState(orderId, o.state, OrderState.Disputed);
        Ruling outcome = Ruling(ruling);
        o.state = OrderState.Ruled;
        o.ruling = outcome;
        address buyer = o.buyer;
        address seller = o.seller;
        uint256 refund_;
        uint256 payout;
        uint256 fee;
        if (outcome == Ruling.Buyer) {
            refund_ = _refundBuyer(o, buyer);
            IReputation($.reputation).recordDisputeLoss(orderId, seller);
            _slashSeller($, orderId, seller, buyer);
        } else if (outcome == Ruling.Seller) {
            (payout, fee) = _settle(o, orderId, buyer);
            IReputation($.reputation).recordDisputeLoss(orderId, buyer);
        } else {
            uint128 price = o.price;
            uint128 half = price / 2;
            refund_ = price - half;
            payout = half;
            $.accounts[buyer].credit += uint128(refund_);
            $.accounts[seller].credit += half;
        }
        emit IArbitrable.Ruling(IArbitrator(msg.sender), disputeId, ruling);
        emit DisputeResolved(orderId, buyer, seller, outcome, refund_, payout, fee);
    }

    // ─────────────────────────────── Payments ───────────────────────────────

    /// @notice Withdraw everything credited to you (payouts, refunds; for the treasury, fees).
    function withdraw() external nonReentrant {
        MarketStorage storage $ = _storage();
        Account storage a = $.accounts[msg.sender];
        uint256 amount = a.credit;
        a.credit = 0;
        if (msg.sender == $.treasury) {
            uint256 fees = $.accruedFees;
            if (fees != 0) {
                amount += fees;
                $.accruedFees = 0;
            }
        }
        if (amount == 0) revert NothingToWithdraw();
        $.totalOwed -= uint128(amount);
        emit Withdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    // ─────────────────────────────── Governance ──────────────────────────────

    /// @notice Set the protocol fee for orders placed from now on.
    /// @param feeBps_ Basis points, at most MAX_FEE_BPS.
    function setFee(uint16 feeBps_) external onlyRole(GOVERNOR_ROLE) {
        _checkFee(feeBps_);
        _storage().feeBps = feeBps_;
        emit FeeSet(feeBps_);
    }

    /// @notice Set the review window for orders placed from now on.
    /// @param reviewWindow_ Seconds, within [MIN_REVIEW_WINDOW, MAX_REVIEW_WINDOW].
    function setReviewWindow(uint32 reviewWindow_) external onlyRole(GOVERNOR_ROLE) {
        _checkReviewWindow(reviewWindow_);
        _storage().reviewWindow = reviewWindow_;
        emit ReviewWindowSet(reviewWindow_);
    }

    /// @notice Set the fee receiver. Fees accrued so far are credited to the old treasury first.
    /// @param treasury_ The new treasury.
    function setTreasury(address treasury_) external onlyRole(GOVERNOR_ROLE) {
        if (treasury_ == address(0)) revert ZeroAddress();
        MarketStorage storage $ = _storage();
        address previous = $.treasury;
        uint96 fees = $.accruedFees;
        if (fees != 0) $.accounts[previous].credit += fees;
        $.treasury = treasury_;
        $.accruedFees = 0;
        emit TreasurySet(treasury_, previous, fees);
    }

    /// @notice Set the reputation module (it must grant this contract its MARKET_ROLE).
    /// @param reputation_ The new module.
    function setReputation(address reputation_) external onlyRole(GOVERNOR_ROLE) {
        if (reputation_ == address(0)) revert ZeroAddress();
        _storage().reputation = reputation_;
        emit ReputationSet(reputation_);
    }

    /// @notice Set the ERC-792 arbitrator of disputes opened from now on (open disputes keep
    /// theirs). The first time, emits ERC-1497 meta-evidence 0 (META_EVIDENCE_URI).
    /// @param arbitrator_ The arbitrator (the OSO DisputeCourt, or any ERC-792 arbitrator).
    function setArbitrator(IArbitrator arbitrator_) external onlyRole(GOVERNOR_ROLE) {
        if (address(arbitrator_) == address(0)) revert ZeroAddress();
        MarketStorage storage $ = _storage();
        $.arbitrator = address(arbitrator_);
        emit ArbitratorSet(address(arbitrator_));
        if (!$.metaEvidenceEmitted) {
            $.metaEvidenceEmitted = true;
            emit MetaEvidence(0, META_EVIDENCE_URI);
        }
    }

    /// @notice Set how much of a losing seller's registry bond is slashed to the buyer (0 disables).
    /// The registry must grant this contract SLASHER_ROLE for it to take effect.
    /// @param amount Wei (at most the bond is taken).
    function setDisputeSlash(uint256 amount) external onlyRole(GOVERNOR_ROLE) {
        _storage().disputeSlash = amount;
        emit DisputeSlashSet(amount);
    }

    // ──────────────────────────────── Reads ────────────────────────────────

    /// @inheritdoc IMarketplace
    function getOrder(uint256 orderId) external view returns (Order memory) {
        return _storage().orders[orderId];
    }

    /// @notice Several orders in one call, in the order asked (state None for unknown ids).
    /// @param ids Order ids (at most MAX_PAGE_SIZE).
    function getOrders(uint256[] calldata ids) external view returns (Order[] memory out) {
        if (ids.length > MAX_PAGE_SIZE) revert InvalidPageSize(ids.length);
        MarketStorage storage $ = _storage();
        out = new Order[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            out[i] = $.orders[ids[i]];
        }
    }

    /// @notice One service (id 0 and zero fields when it does not exist).
    /// @param serviceId The service.
    function getService(uint256 serviceId) external view returns (Service memory) {
        return _storage().services[serviceId];
    }

    /// @notice Ids of the services `seller` listed, in listing order.
    /// @param seller The seller.
    function servicesOf(address seller) external view returns (uint256[] memory ids) {
        MarketStorage storage $ = _storage();
        uint256 n = $.accounts[seller].services;
        ids = new uint256[](n);
        mapping(uint256 => uint64) storage list = $.sellerServices[seller];
        for (uint256 i; i < n; ++i) {
            ids[i] = list[i];
        }
    }

    /// @notice For each seller, how many of the services it listed are active (not taken off the
    /// market). Reads two slots per listed service and none of the strings, for directory views.
    /// @param sellers At most MAX_PAGE_SIZE addresses, in the order the counts are returned.
    function activeServiceCounts(address[] calldata sellers) external view returns (uint256[] memory counts) {
        if (sellers.length > MAX_PAGE_SIZE) revert InvalidPageSize(sellers.length);
        MarketStorage storage $ = _storage();
        counts = new uint256[](sellers.length);
        for (uint256 i; i < sellers.length; ++i) {
            uint256 n = $.accounts[sellers[i]].services;
            if (n == 0) continue;
            mapping(uint256 => uint64) storage list = $.sellerServices[sellers[i]];
            uint256 active;
            for (uint256 j; j < n; ++j) {
                if ($.services[list[j]].active) ++active;
            }
            counts[i] = active;
        }
    }

    /// @notice Services in listing order from index `offset` (service id `offset + 1`), at most
    /// `limit` (1..MAX_PAGE_SIZE) of them, inactive ones included.
    /// @param offset Index of the first service.
    /// @param limit Largest number of services to return.
    function servicePage(uint256 offset, uint256 limit) external view returns (Service[] memory out) {
        if (limit == 0 || limit > MAX_PAGE_SIZE) revert InvalidPageSize(limit);
        MarketStorage storage $ = _storage();
        uint256 total = $.serviceCount;
        if (offset >= total) return new Service[](0);
        uint256 end = offset + limit > total ? total : offset + limit;
        out = new Service[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            out[i - offset] = $.services[i + 1];
        }
    }

    /// @notice Number of services ever listed (the highest service id).
    function serviceCount() external view returns (uint256) {
        return _storage().serviceCount;
    }

    /// @notice Number of orders ever placed (the highest order id).
    function orderCount() external view returns (uint256) {
        return _storage().orderCount;
    }

    /// @notice Wei `account` may withdraw now (for the treasury, accrued fees included).
    /// @param account Who.
    function creditOf(address account) external view returns (uint256 credit) {
        MarketStorage storage $ = _storage();
        credit = $.accounts[account].credit;
        if (account == $.treasury) credit += $.accruedFees;
    }

    /// @notice An account's credit, number of services listed and number of sales settled.
    /// @param account Who.
    function accountOf(address account) external view returns (Account memory) {
        return _storage().accounts[account];
    }

    /// @notice Wei the market owes: the escrow of every open order (Ordered, Delivered, Disputed)
    /// plus every credit and accrued fee not withdrawn yet. The contract's balance is never below it.
    function totalOwed() external view returns (uint256) {
        return _storage().totalOwed;
    }

    /// @notice Protocol fee for new orders, in basis points.
    function feeBps() external view returns (uint16) {
        return _storage().feeBps;
    }

    /// @notice Review window for new orders, in seconds.
    function reviewWindow() external view returns (uint32) {
        return _storage().reviewWindow;
    }

    /// @notice Fee receiver.
    function treasury() external view returns (address) {
        return _storage().treasury;
    }

    /// @notice Fees accrued to the current treasury and not withdrawn yet.
    function accruedFees() external view returns (uint256) {
        return _storage().accruedFees;
    }

    /// @notice The CollaboratorRegistry consulted for sellers.
    function registry() external view returns (address) {
        return _storage().registry;
    }

    /// @notice The reputation module.
    function reputation() external view returns (address) {
        return _storage().reputation;
    }

    /// @notice The ERC-792 arbitrator of new disputes (zero until governance sets one).
    function arbitrator() external view returns (address) {
        return _storage().arbitrator;
    }

    /// @notice Bond slashed from a seller who loses a dispute (0 = disabled).
    function disputeSlash() external view returns (uint256) {
        return _storage().disputeSlash;
    }

    /// @notice The arbitrator and dispute id of a disputed order (zeros if it was never disputed).
    /// @param orderId The order.
    function disputeOf(uint256 orderId) external view returns (DisputeRef memory) {
        return _storage().disputes[orderId];
    }

    /// @notice The order of `arbitrator`'s dispute `disputeId` (0 if none).
    /// @param arbitrator_ The arbitrator.
    /// @param disputeId Its dispute id.
    function orderOfDispute(address arbitrator_, uint256 disputeId) external view returns (uint256) {
        return _storage().orderOfDispute[arbitrator_][disputeId];
    }

    /// @notice ERC-165: AccessControl's interfaces and IMarketplace.
    /// @param interfaceId The interface.
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == type(IMarketplace).interfaceId || super.supportsInterface(interfaceId);
    }

    // ─────────────────────────────── Internals ──────────────────────────────

    /// Moves a settled order's escrow to the seller (less the fee) and the fee to the treasury,
    /// and tells the reputation module. The caller has already set the terminal state.
    function _settle(Order storage o, uint256 orderId, address buyer) private returns (uint256 payout, uint256 fee) {
        MarketStorage storage $ = _storage();
        uint128 price = o.price;
        address seller = o.seller;
        fee = uint256(price) * o.feeBps / BPS;
        payout = price - fee;
        Account storage a = $.accounts[seller];
        a.credit += uint128(payout);
        a.sales += 1;
        if (fee != 0) $.accruedFees = SafeCast.toUint96($.accruedFees + fee);
        IReputation($.reputation).recordSettlement(orderId, seller, buyer, price);
    }

    /// Slashes a losing seller's registry bond to the buyer when enabled; never reverts.
    function _slashSeller(MarketStorage storage $, uint256 orderId, address seller, address buyer) private {
        uint256 amount = $.disputeSlash;
        if (amount == 0) return;
        CollaboratorRegistry registry_ = CollaboratorRegistry($.registry);
        try registry_.get(seller) returns (CollaboratorRegistry.Collaborator memory c) {
            if (c.bond < amount) amount = c.bond;
            if (amount == 0) return;
            try registry_.slash(seller, amount, buyer) {
                emit SellerSlashed(orderId, seller, buyer, amount);
            } catch {}
        } catch {}
    }

    /// Moves an order's full escrow to the buyer's credit.
    function _refundBuyer(Order storage o, address buyer) private returns (uint256) {
        MarketStorage storage $ = _storage();
        uint128 price = o.price;
        $.accounts[buyer].credit += price;
        return price;
    }

    /// Checks an order against its service and writes it (three fresh slots; resultHash stays zero).
    function _placeOrder(uint256 serviceId)
        private
        returns (uint48 id, address seller, uint128 price, uint40 deliverBy)
    {
        MarketStorage storage $ = _storage();
        Service storage s = $.services[serviceId];
        seller = s.seller;
        if (seller == address(0)) revert UnknownService(serviceId);
        price = s.price;
        if (!s.active) revert ServiceInactive(serviceId);
        if (msg.value != price) revert WrongPayment(msg.value, price);
        if (seller == msg.sender) revert SelfDealing();
        if (!CollaboratorRegistry($.registry).hasKinds(seller, KIND_SERVICE)) revert NotServiceCollaborator(seller);

        id = $.orderCount + 1;
        $.orderCount = id;
        deliverBy = uint40(block.timestamp) + s.deliveryWindow;

        Order storage o = $.orders[id];
        o.buyer = msg.sender;
        o.orderedAt = uint40(block.timestamp);
        o.deliverBy = deliverBy;
        o.state = OrderState.Ordered;
        o.seller = seller;
        o.reviewWindow = $.reviewWindow;
        o.feeBps = $.feeBps;
        o.price = price;
        o.serviceId = uint64(serviceId);
        $.totalOwed += price;
    }

    /// Writes a new service's header and appends it to the seller's list; returns its id.
    function _newService(MarketStorage storage $, uint256 price, uint32 deliveryWindow) private returns (uint64 id) {
        id = $.serviceCount + 1;
        $.serviceCount = id;
        Service storage s = $.services[id];
        s.id = id;
        s.seller = msg.sender;
        s.deliveryWindow = deliveryWindow;
        s.price = uint128(price);
        s.active = true;
        Account storage a = $.accounts[msg.sender];
        uint64 index = a.services;
        $.sellerServices[msg.sender][index] = id;
        a.services = index + 1;
    }

    function _order(uint256 orderId) private view returns (Order storage o) {
        o = _storage().orders[orderId];
        if (o.state == OrderState.None) revert UnknownOrder(orderId);
    }

    function _checkState(uint256 orderId, OrderState state, OrderState expected) private pure {
        if (state != expected) revert WrongState(orderId, state);
    }

    function _ownService(uint256 serviceId) private view returns (Service storage s) {
        s = _storage().services[serviceId];
        address seller = s.seller;
        if (seller == address(0)) revert UnknownService(serviceId);
        if (seller != msg.sender) revert NotServiceSeller(serviceId, msg.sender);
    }

    function _checkSeller(MarketStorage storage $, address account) private view {
        if (!CollaboratorRegistry($.registry).hasKinds(account, KIND_SERVICE)) revert NotServiceCollaborator(account);
    }

    function _checkTerms(string calldata title, string calldata metadataURI, uint256 price, uint32 deliveryWindow)
        private
        pure
    {
        uint256 titleLength = bytes(title).length;
        if (titleLength == 0 || titleLength > MAX_TITLE_LENGTH) revert InvalidTitle();
        if (bytes(metadataURI).length > MAX_URI_LENGTH) revert URITooLong();
        if (price == 0 || price > type(uint128).max) revert InvalidPrice(price);
        if (deliveryWindow < MIN_DELIVERY_WINDOW || deliveryWindow > MAX_DELIVERY_WINDOW) {
            revert InvalidDeliveryWindow(deliveryWindow);
        }
    }

    function _checkFee(uint16 feeBps_) private pure {
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_);
    }

    function _checkReviewWindow(uint32 reviewWindow_) private pure {
        if (reviewWindow_ < MIN_REVIEW_WINDOW || reviewWindow_ > MAX_REVIEW_WINDOW) {
            revert InvalidReviewWindow(reviewWindow_);
        }
    }

    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    function _storage() private pure returns (MarketStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }
}
