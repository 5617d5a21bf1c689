// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {CollaboratorRegistry} from "./CollaboratorRegistry.sol";
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

    /// @notice May set the fee, review window, treasury and reputation.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May rule on disputes (the court, in time).
    bytes32 public constant ARBITRATOR_ROLE = keccak256("ARBITRATOR_ROLE");
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
    /// @notice The buyer disputed the delivery of order `orderId`. `reasonURI` is not stored.
    event OrderDisputed(uint256 indexed orderId, address indexed buyer, address indexed seller, string reasonURI);
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

    // ──────────────────────────── Construction ────────────────────────────

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the proxy: `admin` receives every role; wiring and economic parameters.
    /// @param admin Holder of the admin, governor, arbitrator and upgrader roles.
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
        _grantRole(ARBITRATOR_ROLE, admin);
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
    /// `block.timestamp < deliveredAt + reviewWindow`. The escrow waits for the arbitrator.
    /// @param orderId The order.
    /// @param reasonURI Why (≤ 256 bytes); emitted, not stored.
    function dispute(uint256 orderId, string calldata reasonURI) external {
        Order storage o = _order(orderId);
        address buyer = o.buyer;
        if (msg.sender != buyer) revert NotBuyer(orderId, msg.sender);
        _checkState(orderId, o.state, OrderState.Delivered);
        uint256 reviewEnd = uint256(o.deliveredAt) + o.reviewWindow;
        if (block.timestamp >= reviewEnd) revert ReviewWindowClosed(orderId, reviewEnd);
        if (bytes(reasonURI).length > MAX_URI_LENGTH) revert URITooLong();
        o.state = OrderState.Disputed;
        emit OrderDisputed(orderId, buyer, o.seller, reasonURI);
    }

    /// @notice Rule on a disputed order and settle its escrow, once. Only ARBITRATOR_ROLE.
    /// Buyer: full refund, the seller loses the dispute. Seller: settled as if accepted (fee and
    /// payout), the buyer loses the dispute. Refused: the price split 50/50, the odd wei to the
    /// buyer, no fee, nobody loses.
    /// @param orderId The disputed order.
    /// @param ruling The outcome.
    function resolveDispute(uint256 orderId, Ruling ruling) external onlyRole(ARBITRATOR_ROLE) nonReentrant {
        Order storage o = _order(orderId);
        _checkState(orderId, o.state, OrderState.Disputed);
        o.state = OrderState.Ruled;
        o.ruling = ruling;
        address buyer = o.buyer;
        address seller = o.seller;
        uint256 refund_;
        uint256 payout;
        uint256 fee;
        if (ruling == Ruling.Buyer) {
            refund_ = _refundBuyer(o, buyer);
            IReputation(_storage().reputation).recordDisputeLoss(orderId, seller);
        } else if (ruling == Ruling.Seller) {
            (payout, fee) = _settle(o, orderId, buyer);
            IReputation(_storage().reputation).recordDisputeLoss(orderId, buyer);
        } else {
            MarketStorage storage $ = _storage();
            uint128 price = o.price;
            uint128 half = price / 2;
            refund_ = price - half;
            payout = half;
            $.accounts[buyer].credit += uint128(refund_);
            $.accounts[seller].credit += half;
        }
        emit DisputeResolved(orderId, buyer, seller, ruling, refund_, payout, fee);
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
