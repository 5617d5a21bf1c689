// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IMarketplace} from "./interfaces/IMarketplace.sol";
import {IReputation} from "./interfaces/IReputation.sol";

/// @title Reputation
/// @notice Star ratings and experience points (XP) of the Open Source Organization's collaborators.
///
/// Ratings: the buyer of a settled order (or of a disputed order ruled for the seller) rates the
/// seller once, 1–5 stars; the review itself lives off-chain and its URI only in the `Rated` event.
///
/// Experience: the Marketplace reports every settlement and the seller earns XP from the price, the
/// buyer a fifth of it. Repeated deals between the same two accounts in a row within the same
/// 7-day period earn half as much each time, and losing a dispute costs XP. The level curve is a
/// pure function of XP.
///
/// XP formula (`settlementXp`), for an order of `price` wei that is the `deal`-th deal of the
/// pair's current streak (see below), in the period block.timestamp / 7 days:
///   base     = min(price / 1e15, 1000)       one XP per 0.001 ETH, at most 1,000 XP per order
///   sellerXp = base >> (deal - 1)            1,000 → 500 → 250 → … → 0 from the 11th deal
///   buyerXp  = sellerXp / 5
/// A self-deal (seller == buyer) and an order below 0.001 ETH earn nothing and leave the streak alone.
///
/// Streak: each account remembers its last counterparty, the period of that deal and the streak
/// count. A deal between S and B is deal number max(nS, nB), where nS is S's streak + 1 if S's last
/// deal was with B in this period (else 1), and nB likewise; both accounts then remember the other
/// with that count. So a pair trading back and forth, a seller cycling its own buyer accounts and a
/// buyer cycling seller accounts all halve deal by deal (the side that keeps meeting the same
/// counterparty carries the streak). The count is never higher than the pair's exact number of deals
/// in the period, so (tag collisions aside, see below) the rule is never harsher than a
/// per-pair-per-period counter; it is lighter only when both accounts made an XP-earning deal with
/// somebody else in between, so a wash trader needs a second seller (its own bonded one, or an
/// outside one it pays at least 0.001 ETH) besides its buyer accounts, and every order pays the
/// Marketplace fee. The memory lives in the account's XP slot, so diminishing returns cost no
/// storage of their own (a per-pair slot would add a fresh 22,100-gas SSTORE to every first deal
/// between two accounts, on the Marketplace's settlement path).
///
/// Dispute loss (`recordDisputeLoss`): the loser loses 100 XP plus 10% of its XP, floored at 0;
/// recorded at most once per (order, loser).
///
/// Level curve (`levelOf`, `xpForLevel`): level n needs 100·n² XP, so
///   level = min(50, floor(sqrt(xp / 100)))
/// level 1 = 100 XP, 5 = 2,500, 10 = 10,000, 25 = 62,500, 50 (the cap) = 250,000.
///
/// @dev UUPS upgradeable, ERC-7201 namespaced storage. Each account is one storage word: XP, the
/// five star counters and the streak memory, so `rate` and `recordSettlement` write one slot per
/// account and `ratingOf`/`profileOf` read everything with one SLOAD. Rated orders are a bitmap
/// (256 orders a slot). Field widths: XP 48 bits (2.8·10^14, over 2·10^11 maximal orders), star
/// counters 32 bits (guarded), streak period 16 bits (wraps after ~1,250 years), counterparty tag =
/// the low 24 bits of its address (a collision can only halve a deal, never add XP).
contract Reputation is Initializable, AccessControlUpgradeable, UUPSUpgradeable, IReputation {
    // ─────────────────────────────── Types ───────────────────────────────

    /// @notice A collaborator's ratings as a seller. `stars[k]` counts ratings of k + 1 stars;
    /// `count` is their total and `sum` the total of stars (average = sum / count).
    struct RatingSummary {
        uint64 count;
        uint64 sum;
        uint32[5] stars;
    }

    /// @notice Everything this contract knows about an account, in one read.
    struct Profile {
        uint256 xp;
        uint8 level;
        RatingSummary rating;
    }

    /// @custom:storage-location erc7201:oso.storage.Reputation
    struct ReputationStorage {
        /// The Marketplace whose orders `rate` reads.
        address marketplace;
        /// Σ xpOf over every account.
        uint96 totalXp;
        /// Packed account word: bits 0–47 XP; five 32-bit star counters (1★ at bit 48 … 5★ at 176);
        /// streak: count (bits 208–215), period (216–231), last counterparty tag (232–255).
        mapping(address account => uint256) accounts;
        /// Bitmap of rated orders: bit (orderId & 255) of word (orderId >> 8).
        mapping(uint256 word => uint256) rated;
        /// Dispute losses already recorded.
        mapping(uint256 orderId => mapping(address loser => bool)) lossRecorded;
    }

    // ────────────────────────────── Constants ─────────────────────────────

    /// @notice Wei per XP of order price (0.001 ETH).
    uint256 public constant XP_UNIT = 1e15;
    /// @notice Most XP a seller earns from one order.
    uint256 public constant MAX_ORDER_XP = 1_000;
    /// @notice The buyer earns the seller's XP divided by this.
    uint256 public constant BUYER_SHARE_DIVISOR = 5;
    /// @notice Length of the window in which a pair's streak of repeated deals earns less.
    uint256 public constant PERIOD = 7 days;
    /// @notice Flat XP a dispute loser loses.
    uint256 public constant DISPUTE_LOSS_FLAT = 100;
    /// @notice Share of its XP (in basis points) a dispute loser loses on top of the flat amount.
    uint256 public constant DISPUTE_LOSS_BPS = 1_000;
    /// @notice Level n needs LEVEL_XP_FACTOR · n² XP.
    uint256 public constant LEVEL_XP_FACTOR = 100;
    /// @notice Highest level.
    uint8 public constant MAX_LEVEL = 50;
    /// @notice Longest review URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice Most accounts a batch read accepts.
    uint256 public constant MAX_PAGE_SIZE = 500;

    /// @notice May set the Marketplace address.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May upgrade the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    /// @notice May record settlements and dispute losses (the Marketplace).
    bytes32 public constant MARKET_ROLE = keccak256("MARKET_ROLE");
    /// @notice May record dispute losses (the dispute court).
    bytes32 public constant COURT_ROLE = keccak256("COURT_ROLE");

    uint256 private constant XP_MASK = (1 << 48) - 1;
    uint256 private constant STARS_OFFSET = 48;
    uint256 private constant STAR_BITS = 32;
    uint256 private constant STAR_MAX = (1 << 32) - 1;
    uint256 private constant STREAK_SHIFT = 208;
    uint256 private constant STREAK_KEY_SHIFT = 216; // (tag << 16 | period) sits above the count
    uint256 private constant STREAK_CLEAR = (1 << 208) - 1;
    uint256 private constant MAX_DEALS = 255;

    // keccak256(abi.encode(uint256(keccak256("oso.storage.Reputation")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0xb98c937bbf20e74456d2475a35f48b62dc4f35a3a5f4311b9de337c72cf89600;

    // ─────────────────────────────── Events ───────────────────────────────

    /// @notice The Marketplace whose orders can be rated is now `marketplace`.
    event MarketplaceSet(address indexed marketplace);
    /// @notice `buyer` rated `seller` `stars` (1–5) for `orderId`; the review is at `reviewURI`.
    event Rated(uint256 indexed orderId, address indexed seller, address indexed buyer, uint8 stars, string reviewURI);
    /// @notice `orderId` settled: `seller` earned `sellerXp`, `buyer` earned `buyerXp`; it was deal
    /// number `deal` of the pair's streak (0 when no XP was at stake: price below XP_UNIT or a self-deal).
    event SettlementRecorded(
        uint256 indexed orderId,
        address indexed seller,
        address indexed buyer,
        uint256 sellerXp,
        uint256 buyerXp,
        uint256 deal
    );
    /// @notice `loser` lost the dispute about `orderId` and `xpRemoved` XP.
    event DisputeLossRecorded(uint256 indexed orderId, address indexed loser, uint256 xpRemoved);

    // ─────────────────────────────── Errors ───────────────────────────────

    /// @notice The zero address where a real one is needed.
    error ZeroAddress();
    /// @notice Stars outside 1..5.
    error InvalidStars(uint8 stars);
    /// @notice The review URI is longer than 256 bytes.
    error URITooLong();
    /// @notice No Marketplace has been set yet.
    error MarketplaceNotSet();
    /// @notice The order is not Settled, nor Ruled for the seller.
    error NotRateable(uint256 orderId, IMarketplace.OrderState state, IMarketplace.Ruling ruling);
    /// @notice Only the order's buyer may rate it.
    error NotBuyer(uint256 orderId, address caller);
    /// @notice The order's buyer is also its seller.
    error SelfRating(uint256 orderId);
    /// @notice The order has been rated already.
    error AlreadyRated(uint256 orderId);
    /// @notice The seller's counter for this number of stars is full (2^32 − 1 ratings).
    error TooManyRatings(address seller, uint8 stars);
    /// @notice The caller holds neither MARKET_ROLE nor COURT_ROLE.
    error UnauthorizedRecorder(address caller);
    /// @notice A level above MAX_LEVEL.
    error InvalidLevel(uint8 level);
    /// @notice A batch larger than MAX_PAGE_SIZE.
    error InvalidPageSize(uint256 size);

    // ──────────────────────────── Construction ────────────────────────────

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the proxy: `admin` receives the admin, governor and upgrader roles.
    /// @param admin Holder of the admin, governor and upgrader roles (the timelock, in time).
    /// @param marketplace_ The Marketplace, which also receives MARKET_ROLE; may be zero when the
    /// Marketplace is deployed later (then `setMarketplace` and `grantRole(MARKET_ROLE, …)`).
    function initialize(address admin, address marketplace_) external initializer {
        if (admin == address(0)) revert ZeroAddress();
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _grantRole(UPGRADER_ROLE, admin);
        if (marketplace_ != address(0)) {
            _storage().marketplace = marketplace_;
            _grantRole(MARKET_ROLE, marketplace_);
            emit MarketplaceSet(marketplace_);
        }
    }

    // ─────────────────────────────── Ratings ───────────────────────────────

    /// @notice Rate the seller of an order you bought: once per order, when it is Settled or was
    /// Ruled for the seller.
    /// @param orderId The Marketplace order.
    /// @param stars 1 to 5.
    /// @param reviewURI Where the written review lives (≤ 256 bytes, may be empty); kept in the event only.
    function rate(uint256 orderId, uint8 stars, string calldata reviewURI) external {
        if (stars == 0 || stars > 5) revert InvalidStars(stars);
        if (bytes(reviewURI).length > MAX_URI_LENGTH) revert URITooLong();
        ReputationStorage storage $ = _storage();
        address market = $.marketplace;
        if (market == address(0)) revert MarketplaceNotSet();

        IMarketplace.Order memory order = IMarketplace(market).getOrder(orderId);
        if (
            order.state != IMarketplace.OrderState.Settled
                && (order.state != IMarketplace.OrderState.Ruled || order.ruling != IMarketplace.Ruling.Seller)
        ) revert NotRateable(orderId, order.state, order.ruling);
        if (order.buyer != msg.sender) revert NotBuyer(orderId, msg.sender);
        address seller = order.seller;
        if (seller == msg.sender) revert SelfRating(orderId);

        uint256 word = orderId >> 8;
        uint256 bit = 1 << (orderId & 0xff);
        uint256 bits = $.rated[word];
        if (bits & bit != 0) revert AlreadyRated(orderId);
        $.rated[word] = bits | bit;

        uint256 shift = STARS_OFFSET + STAR_BITS * (stars - 1);
        uint256 packed = $.accounts[seller];
        if ((packed >> shift) & STAR_MAX == STAR_MAX) revert TooManyRatings(seller, stars);
        $.accounts[seller] = packed + (1 << shift);

        emit Rated(orderId, seller, msg.sender, stars, reviewURI);
    }

    // ─────────────────────────────── Experience ──────────────────────────────

    /// @inheritdoc IReputation
    /// @dev Only MARKET_ROLE. Never reverts for an authorized caller, so it cannot block a
    /// settlement; the Marketplace must call it once per settled order (it is not deduplicated).
    /// See the contract documentation for the formula.
    /// @param orderId The settled order (for the event).
    /// @param seller Who sold; earns `settlementXp(price, deal)`.
    /// @param buyer Who bought; earns a fifth of the seller's XP.
    /// @param price The order price in wei.
    function recordSettlement(uint256 orderId, address seller, address buyer, uint256 price)
        external
        onlyRole(MARKET_ROLE)
    {
        uint256 sellerXp;
        uint256 buyerXp;
        uint256 deal;
        uint256 base = price / XP_UNIT;
        if (base != 0 && seller != buyer) {
            (sellerXp, buyerXp, deal) = _credit(seller, buyer, base > MAX_ORDER_XP ? MAX_ORDER_XP : base);
        }
        emit SettlementRecorded(orderId, seller, buyer, sellerXp, buyerXp, deal);
    }

    /// @inheritdoc IReputation
    /// @dev MARKET_ROLE or COURT_ROLE. Removes DISPUTE_LOSS_FLAT + DISPUTE_LOSS_BPS of the loser's
    /// XP, floored at 0. A second call for the same (orderId, loser) changes nothing and does not
    /// revert, so the Marketplace and the court may both report the same ruling.
    /// @param orderId The disputed order.
    /// @param loser The party that lost the dispute.
    function recordDisputeLoss(uint256 orderId, address loser) external {
        if (!hasRole(MARKET_ROLE, msg.sender) && !hasRole(COURT_ROLE, msg.sender)) {
            revert UnauthorizedRecorder(msg.sender);
        }
        ReputationStorage storage $ = _storage();
        if ($.lossRecorded[orderId][loser]) return;
        $.lossRecorded[orderId][loser] = true;

        uint256 packed = $.accounts[loser];
        uint256 xp = packed & XP_MASK;
        uint256 removed = disputeLossXp(xp);
        if (removed != 0) {
            $.accounts[loser] = packed - removed;
            $.totalXp -= uint96(removed);
        }
        emit DisputeLossRecorded(orderId, loser, removed);
    }

    // ─────────────────────────────── Governance ───────────────────────────────

    /// @notice Point `rate` at another Marketplace. Does not change roles: grant MARKET_ROLE separately.
    /// @param marketplace_ The Marketplace contract (not zero).
    function setMarketplace(address marketplace_) external onlyRole(GOVERNOR_ROLE) {
        if (marketplace_ == address(0)) revert ZeroAddress();
        _storage().marketplace = marketplace_;
        emit MarketplaceSet(marketplace_);
    }

    // ──────────────────────────────── Reads ────────────────────────────────

    /// @notice The Marketplace whose orders `rate` reads.
    function marketplace() external view returns (address) {
        return _storage().marketplace;
    }

    /// @notice Σ xpOf over every account.
    function totalXp() external view returns (uint256) {
        return _storage().totalXp;
    }

    /// @notice `account`'s experience points.
    /// @param account Any address.
    function xpOf(address account) external view returns (uint256) {
        return _storage().accounts[account] & XP_MASK;
    }

    /// @notice `account`'s level, `levelOf(xpOf(account))`.
    /// @param account Any address.
    function levelOfAccount(address account) external view returns (uint8) {
        return levelOf(_storage().accounts[account] & XP_MASK);
    }

    /// @notice `account`'s ratings as a seller.
    /// @param account Any address.
    function ratingOf(address account) external view returns (RatingSummary memory) {
        return _summary(_storage().accounts[account]);
    }

    /// @notice Ratings of several accounts, in the order asked.
    /// @param accounts At most MAX_PAGE_SIZE addresses.
    function ratingsOf(address[] calldata accounts) external view returns (RatingSummary[] memory out) {
        if (accounts.length > MAX_PAGE_SIZE) revert InvalidPageSize(accounts.length);
        ReputationStorage storage $ = _storage();
        out = new RatingSummary[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            out[i] = _summary($.accounts[accounts[i]]);
        }
    }

    /// @notice `account`'s XP, level and ratings in one call.
    /// @param account Any address.
    function profileOf(address account) external view returns (Profile memory) {
        return _profile(_storage().accounts[account]);
    }

    /// @notice Profiles of several accounts, in the order asked.
    /// @param accounts At most MAX_PAGE_SIZE addresses.
    function profilesOf(address[] calldata accounts) external view returns (Profile[] memory out) {
        if (accounts.length > MAX_PAGE_SIZE) revert InvalidPageSize(accounts.length);
        ReputationStorage storage $ = _storage();
        out = new Profile[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            out[i] = _profile($.accounts[accounts[i]]);
        }
    }

    /// @notice Whether `orderId` has been rated.
    /// @param orderId The Marketplace order.
    function hasRated(uint256 orderId) external view returns (bool) {
        return _storage().rated[orderId >> 8] & (1 << (orderId & 0xff)) != 0;
    }

    /// @notice Whether a dispute loss has been recorded for (`orderId`, `loser`).
    /// @param orderId The disputed order.
    /// @param loser The losing party.
    function disputeLossRecorded(uint256 orderId, address loser) external view returns (bool) {
        return _storage().lossRecorded[orderId][loser];
    }

    /// @notice Index of the current period (block.timestamp / PERIOD).
    function currentPeriod() external view returns (uint256) {
        return block.timestamp / PERIOD;
    }

    /// @notice The current streak of `a` and `b`: how many deals in a row they have made with each
    /// other this period as either of them remembers it (the larger); their next deal is number
    /// streak + 1. 0 when neither's last deal this period was with the other.
    /// @param a One account.
    /// @param b The other account.
    function dealStreak(address a, address b) external view returns (uint256) {
        if (a == b) return 0;
        ReputationStorage storage $ = _storage();
        uint256 period = uint16(block.timestamp / PERIOD);
        uint256 na = _streak($.accounts[a], _streakKey(b, period));
        uint256 nb = _streak($.accounts[b], _streakKey(a, period));
        return na > nb ? na : nb;
    }

    /// @notice XP earned by a settlement of `price` wei that is deal number `deal` of the pair's streak:
    /// base = min(price / XP_UNIT, MAX_ORDER_XP), sellerXp = base >> (deal − 1), buyerXp = sellerXp / 5.
    /// @param price Order price in wei.
    /// @param deal 1 for a first deal, 2 for the second in a row, …; 0 is read as 1.
    function settlementXp(uint256 price, uint256 deal) public pure returns (uint256 sellerXp, uint256 buyerXp) {
        uint256 base = price / XP_UNIT;
        if (base > MAX_ORDER_XP) base = MAX_ORDER_XP;
        if (deal == 0) deal = 1;
        sellerXp = deal > MAX_DEALS ? 0 : base >> (deal - 1);
        buyerXp = sellerXp / BUYER_SHARE_DIVISOR;
    }

    /// @notice XP a dispute loser holding `xp` loses: min(xp, 100 + xp / 10).
    /// @param xp The loser's XP before the loss.
    function disputeLossXp(uint256 xp) public pure returns (uint256) {
        uint256 removed = DISPUTE_LOSS_FLAT + (xp * DISPUTE_LOSS_BPS) / 10_000;
        return removed > xp ? xp : removed;
    }

    /// @notice The level of an account holding `xp`: min(MAX_LEVEL, floor(sqrt(xp / 100))). Level n
    /// starts at 100·n² XP (see `xpForLevel`); monotonic non-decreasing in `xp`.
    /// @param xp Experience points.
    function levelOf(uint256 xp) public pure returns (uint8) {
        if (xp >= LEVEL_XP_FACTOR * uint256(MAX_LEVEL) * MAX_LEVEL) return MAX_LEVEL;
        return uint8(Math.sqrt(xp / LEVEL_XP_FACTOR));
    }

    /// @notice XP at which `level` starts: 100·level². Progress to the next level is
    /// (xp − xpForLevel(l)) / (xpForLevel(l + 1) − xpForLevel(l)) for l < MAX_LEVEL.
    /// @param level 0..MAX_LEVEL.
    function xpForLevel(uint8 level) public pure returns (uint256) {
        if (level > MAX_LEVEL) revert InvalidLevel(level);
        return LEVEL_XP_FACTOR * uint256(level) * level;
    }

    // ─────────────────────────────── Internals ──────────────────────────────

    /// Credits a settlement worth `base` XP (1..MAX_ORDER_XP) between two different accounts and
    /// moves their streak on.
    function _credit(address seller, address buyer, uint256 base)
        private
        returns (uint256 sellerXp, uint256 buyerXp, uint256 deal)
    {
        ReputationStorage storage $ = _storage();
        uint256 period = uint16(block.timestamp / PERIOD);
        uint256 s = $.accounts[seller];
        uint256 b = $.accounts[buyer];
        uint256 sellerKey = _streakKey(buyer, period); // what the seller remembers after this deal
        uint256 buyerKey = _streakKey(seller, period);
        deal = _nextDeal(s, sellerKey);
        uint256 buyerDeal = _nextDeal(b, buyerKey);
        if (buyerDeal > deal) deal = buyerDeal;
        unchecked {
            // base ≤ 1,000 and deal ≥ 1; the 48-bit XP fields cannot fill (see the contract notes).
            sellerXp = base >> (deal - 1);
            buyerXp = sellerXp / BUYER_SHARE_DIVISOR;
            $.accounts[seller] =
                ((s + sellerXp) & STREAK_CLEAR) | (sellerKey << STREAK_KEY_SHIFT) | (deal << STREAK_SHIFT);
            $.accounts[buyer] = ((b + buyerXp) & STREAK_CLEAR) | (buyerKey << STREAK_KEY_SHIFT) | (deal << STREAK_SHIFT);
        }
        if (sellerXp != 0) $.totalXp += uint96(sellerXp + buyerXp);
    }

    /// The streak key an account stores after a deal with `counterparty` in `period` (40 bits).
    function _streakKey(address counterparty, uint256 period) private pure returns (uint256) {
        return (uint256(uint24(uint160(counterparty))) << 16) | period;
    }

    /// The streak count stored in `word` if its key is `key` (same counterparty, same period), else 0.
    function _streak(uint256 word, uint256 key) private pure returns (uint256) {
        return word >> STREAK_KEY_SHIFT == key ? (word >> STREAK_SHIFT) & MAX_DEALS : 0;
    }

    /// The number of a deal for an account whose word is `word`, given the key of this deal.
    function _nextDeal(uint256 word, uint256 key) private pure returns (uint256 deal) {
        deal = _streak(word, key) + 1;
        if (deal > MAX_DEALS) deal = MAX_DEALS;
    }

    function _summary(uint256 packed) private pure returns (RatingSummary memory s) {
        for (uint256 k; k < 5; ++k) {
            uint32 n = uint32(packed >> (STARS_OFFSET + STAR_BITS * k));
            s.stars[k] = n;
            s.count += n;
            s.sum += uint64(n) * uint64(k + 1);
        }
    }

    function _profile(uint256 packed) private pure returns (Profile memory p) {
        p.xp = packed & XP_MASK;
        p.level = levelOf(p.xp);
        p.rating = _summary(packed);
    }

    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    function _storage() private pure returns (ReputationStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }
}
