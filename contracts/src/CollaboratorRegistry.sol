// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title CollaboratorRegistry
/// @notice The membership roll of the Open Source Organization. Anyone may join as a collaborator
/// under the same rule — an ETH bond of at least `minBond` — naming the kinds of work it does and
/// the open-source reference implementation it runs. Leaving starts an unbonding period after
/// which the bond is withdrawn (pull payment). The court may slash bonds; governance may suspend.
/// @dev UUPS upgradeable, ERC-7201 namespaced storage. Records are kept in join order so the
/// directory can be read a page at a time with `page(offset, limit)`.
contract CollaboratorRegistry is Initializable, AccessControlUpgradeable, UUPSUpgradeable, ReentrancyGuardTransient {
    // ─────────────────────────────── Types ───────────────────────────────

    /// @notice Lifecycle of a registration.
    /// None: never joined. Active: bonded and in good standing. Suspended: barred by governance.
    /// Unbonding: left, bond waits out the unbonding period. Exited: bond withdrawn (may join again).
    enum Status {
        None,
        Active,
        Suspended,
        Unbonding,
        Exited
    }

    /// @notice A collaborator's full public record, as returned by the paged reads.
    struct Collaborator {
        address account;
        uint8 kinds;
        Status status;
        uint64 joinedAt;
        uint64 unbondingEndsAt;
        uint256 bond;
        string name;
        string profileURI;
        string sourceURI;
        bytes32 sourceHash;
    }

    /// @notice Aggregates kept on every change so the organization's overview costs one call.
    /// `members` counts registrations that are not Exited; `byKind` counts members per kind bit.
    struct Stats {
        uint32 members;
        uint32 active;
        uint32[4] byKind;
        uint256 totalBonded;
        uint256 totalUnbonding;
    }

    /// @custom:storage-location erc7201:oso.storage.CollaboratorRegistry
    struct RegistryStorage {
        uint256 minBond;
        uint64 unbondingPeriod;
        address[] accounts;
        mapping(address account => Collaborator) records;
        mapping(address account => uint256) credits;
        Stats stats;
        uint256 totalCredits;
    }

    // ────────────────────────────── Constants ─────────────────────────────

    /// @notice Kind bit: offers services in the marketplace.
    uint8 public constant KIND_SERVICE = 1;
    /// @notice Kind bit: rates service collaborators and issues certificates.
    uint8 public constant KIND_RATING = 2;
    /// @notice Kind bit: feeds outside data into the governance.
    uint8 public constant KIND_ORACLE = 4;
    /// @notice Kind bit: acts on the governance's output.
    uint8 public constant KIND_AGENT = 8;
    /// @notice All kind bits together.
    uint8 public constant ALL_KINDS = 15;

    /// @notice Longest name, in bytes.
    uint256 public constant MAX_NAME_LENGTH = 64;
    /// @notice Longest profile or source URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice Largest page `page` returns.
    uint256 public constant MAX_PAGE_SIZE = 500;
    /// @notice Longest unbonding period governance may set.
    uint64 public constant MAX_UNBONDING_PERIOD = 365 days;

    /// @notice May suspend, reinstate and set parameters.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May slash bonds (the dispute court).
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");
    /// @notice May upgrade the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");

    // keccak256(abi.encode(uint256(keccak256("oso.storage.CollaboratorRegistry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x06cf6a152e258bce182ecbffef8dd307726fb03b7c217e37c2ea9a65f11a9a00;

    // ─────────────────────────────── Events ───────────────────────────────

    /// @notice `account` joined with `bond` wei for `kinds`.
    event Joined(address indexed account, uint8 kinds, string name, uint256 bond);
    /// @notice `account` changed its profile fields.
    event Updated(address indexed account, uint8 kinds, string name, string profileURI, string sourceURI, bytes32 sourceHash);
    /// @notice `account` added `amount` to its bond, now `bond`.
    event BondAdded(address indexed account, uint256 amount, uint256 bond);
    /// @notice `account` left; its bond can be withdrawn from `unbondingEndsAt`.
    event Left(address indexed account, uint64 unbondingEndsAt);
    /// @notice `account` withdrew `amount` wei of bond.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice `amount` of `account`'s bond was slashed and credited to `to`.
    event Slashed(address indexed account, uint256 amount, address indexed to);
    /// @notice `to` claimed `amount` wei of slashed bonds credited to it.
    event CreditClaimed(address indexed to, uint256 amount);
    /// @notice Governance suspended `account`.
    event Suspended(address indexed account, string reason);
    /// @notice Governance reinstated `account`.
    event Reinstated(address indexed account);
    /// @notice The minimum bond changed.
    event MinBondSet(uint256 minBond);
    /// @notice The unbonding period changed.
    event UnbondingPeriodSet(uint64 unbondingPeriod);

    // ─────────────────────────────── Errors ───────────────────────────────

    /// @notice The account already holds a registration that has not exited.
    error AlreadyRegistered(address account);
    /// @notice The account has no registration.
    error NotRegistered(address account);
    /// @notice The bond sent is below the minimum.
    error BondTooLow(uint256 sent, uint256 minBond);
    /// @notice `kinds` is zero or has bits beyond the known kinds.
    error InvalidKinds(uint8 kinds);
    /// @notice The name is empty or longer than 64 bytes.
    error InvalidName();
    /// @notice A URI is longer than 256 bytes.
    error URITooLong();
    /// @notice The registration is not in a status that allows this action.
    error WrongStatus(address account, Status status);
    /// @notice The unbonding period has not ended yet.
    error StillUnbonding(uint64 unbondingEndsAt);
    /// @notice Zero amount where a positive one is needed.
    error ZeroAmount();
    /// @notice A slash larger than the bond.
    error SlashExceedsBond(uint256 amount, uint256 bond);
    /// @notice The zero address where a real one is needed.
    error ZeroAddress();
    /// @notice Nothing is owed to the caller.
    error NothingToClaim();
    /// @notice Sending ETH failed.
    error TransferFailed();
    /// @notice A page size of zero or above the maximum.
    error InvalidPageSize(uint256 limit);
    /// @notice An unbonding period above the maximum.
    error UnbondingPeriodTooLong(uint64 period);

    // ──────────────────────────── Construction ────────────────────────────

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the proxy: `admin` receives every role; bond and unbonding parameters.
    /// @param admin Holder of the admin, governor and upgrader roles (the timelock, in time).
    /// @param minBond_ Smallest bond accepted by `join`, in wei.
    /// @param unbondingPeriod_ Seconds between `leave` and `withdraw`.
    function initialize(address admin, uint256 minBond_, uint64 unbondingPeriod_) external initializer {
        if (admin == address(0)) revert ZeroAddress();
        if (unbondingPeriod_ > MAX_UNBONDING_PERIOD) revert UnbondingPeriodTooLong(unbondingPeriod_);
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _grantRole(UPGRADER_ROLE, admin);
        RegistryStorage storage $ = _storage();
        $.minBond = minBond_;
        $.unbondingPeriod = unbondingPeriod_;
        emit MinBondSet(minBond_);
        emit UnbondingPeriodSet(unbondingPeriod_);
    }

    // ─────────────────────────── Collaborator actions ──────────────────────

    /// @notice Join the organization, bonding the ETH sent.
    /// @param kinds Bitmask of KIND_SERVICE, KIND_RATING, KIND_ORACLE, KIND_AGENT (at least one).
    /// @param name Display name, 1–64 bytes.
    /// @param profileURI Where the profile document lives (≤ 256 bytes; the app accepts https/ipfs).
    /// @param sourceURI Where the open-source reference implementation lives (≤ 256 bytes).
    /// @param sourceHash Content hash of that implementation.
    function join(
        uint8 kinds,
        string calldata name,
        string calldata profileURI,
        string calldata sourceURI,
        bytes32 sourceHash
    ) external payable {
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[msg.sender];
        Status status = c.status;
        if (status != Status.None && status != Status.Exited) revert AlreadyRegistered(msg.sender);
        if (msg.value < $.minBond) revert BondTooLow(msg.value, $.minBond);
        _checkProfile(kinds, name, profileURI, sourceURI);

        if (status == Status.None) {
            c.account = msg.sender;
            $.accounts.push(msg.sender);
        }
        c.kinds = kinds;
        c.status = Status.Active;
        c.joinedAt = uint64(block.timestamp);
        c.unbondingEndsAt = 0;
        c.bond = msg.value;
        c.name = name;
        c.profileURI = profileURI;
        c.sourceURI = sourceURI;
        c.sourceHash = sourceHash;

        Stats storage s = $.stats;
        s.members += 1;
        s.active += 1;
        s.totalBonded += msg.value;
        _countKinds(s, kinds, true);

        emit Joined(msg.sender, kinds, name, msg.value);
        emit Updated(msg.sender, kinds, name, profileURI, sourceURI, sourceHash);
    }

    /// @notice Change your profile fields. Allowed while Active or Suspended.
    /// @param kinds New kinds bitmask.
    /// @param name New name, 1–64 bytes.
    /// @param profileURI New profile URI.
    /// @param sourceURI New reference implementation URI.
    /// @param sourceHash New reference implementation hash.
    function update(
        uint8 kinds,
        string calldata name,
        string calldata profileURI,
        string calldata sourceURI,
        bytes32 sourceHash
    ) external {
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[msg.sender];
        Status status = c.status;
        if (status != Status.Active && status != Status.Suspended) revert WrongStatus(msg.sender, status);
        _checkProfile(kinds, name, profileURI, sourceURI);
        if (kinds != c.kinds) {
            _countKinds($.stats, c.kinds, false);
            _countKinds($.stats, kinds, true);
            c.kinds = kinds;
        }
        c.name = name;
        c.profileURI = profileURI;
        c.sourceURI = sourceURI;
        c.sourceHash = sourceHash;
        emit Updated(msg.sender, kinds, name, profileURI, sourceURI, sourceHash);
    }

    /// @notice Add the ETH sent to your bond. Allowed while Active or Suspended.
    function addBond() external payable {
        if (msg.value == 0) revert ZeroAmount();
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[msg.sender];
        Status status = c.status;
        if (status != Status.Active && status != Status.Suspended) revert WrongStatus(msg.sender, status);
        uint256 bond = c.bond + msg.value;
        c.bond = bond;
        $.stats.totalBonded += msg.value;
        emit BondAdded(msg.sender, msg.value, bond);
    }

    /// @notice Leave the organization: the bond starts unbonding. Only an Active collaborator may leave
    /// (a suspended one stays bonded until governance decides).
    function leave() external {
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[msg.sender];
        Status status = c.status;
        if (status != Status.Active) revert WrongStatus(msg.sender, status);
        uint64 endsAt = uint64(block.timestamp) + $.unbondingPeriod;
        c.status = Status.Unbonding;
        c.unbondingEndsAt = endsAt;
        Stats storage s = $.stats;
        s.active -= 1;
        s.totalBonded -= c.bond;
        s.totalUnbonding += c.bond;
        emit Left(msg.sender, endsAt);
    }

    /// @notice Withdraw your bond once the unbonding period is over. The record stays (Exited) and
    /// you may join again later.
    function withdraw() external nonReentrant {
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[msg.sender];
        Status status = c.status;
        if (status != Status.Unbonding) revert WrongStatus(msg.sender, status);
        if (block.timestamp < c.unbondingEndsAt) revert StillUnbonding(c.unbondingEndsAt);
        uint256 amount = c.bond;
        c.bond = 0;
        c.status = Status.Exited;
        Stats storage s = $.stats;
        s.members -= 1;
        s.totalUnbonding -= amount;
        _countKinds(s, c.kinds, false);
        emit Withdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    /// @notice Claim slashed bonds credited to you.
    function claim() external nonReentrant {
        RegistryStorage storage $ = _storage();
        uint256 amount = $.credits[msg.sender];
        if (amount == 0) revert NothingToClaim();
        $.credits[msg.sender] = 0;
        $.totalCredits -= amount;
        emit CreditClaimed(msg.sender, amount);
        _send(msg.sender, amount);
    }

    // ─────────────────────────── Court and governance ───────────────────────

    /// @notice Take `amount` from `account`'s bond and credit it to `to` (claimed with `claim`).
    /// @dev Only SLASHER_ROLE (the dispute court). Works on Active, Suspended and Unbonding bonds.
    /// @param account The collaborator to slash.
    /// @param amount Wei to take, at most the bond.
    /// @param to Who is credited.
    function slash(address account, uint256 amount, address to) external onlyRole(SLASHER_ROLE) {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[account];
        Status status = c.status;
        if (status == Status.None) revert NotRegistered(account);
        if (status == Status.Exited) revert WrongStatus(account, status);
        uint256 bond = c.bond;
        if (amount > bond) revert SlashExceedsBond(amount, bond);
        c.bond = bond - amount;
        if (status == Status.Unbonding) $.stats.totalUnbonding -= amount;
        else $.stats.totalBonded -= amount;
        $.credits[to] += amount;
        $.totalCredits += amount;
        emit Slashed(account, amount, to);
    }

    /// @notice Bar an Active collaborator from acting; it keeps its bond and record.
    /// @param account The collaborator to suspend.
    /// @param reason Short public reason, shown in the app.
    function suspend(address account, string calldata reason) external onlyRole(GOVERNOR_ROLE) {
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[account];
        Status status = c.status;
        if (status != Status.Active) revert WrongStatus(account, status);
        c.status = Status.Suspended;
        $.stats.active -= 1;
        emit Suspended(account, reason);
    }

    /// @notice Lift a suspension.
    /// @param account The suspended collaborator.
    function reinstate(address account) external onlyRole(GOVERNOR_ROLE) {
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[account];
        Status status = c.status;
        if (status != Status.Suspended) revert WrongStatus(account, status);
        c.status = Status.Active;
        $.stats.active += 1;
        emit Reinstated(account);
    }

    /// @notice Set the smallest bond `join` accepts.
    /// @param minBond_ New minimum, in wei.
    function setMinBond(uint256 minBond_) external onlyRole(GOVERNOR_ROLE) {
        _storage().minBond = minBond_;
        emit MinBondSet(minBond_);
    }

    /// @notice Set the unbonding period for future `leave` calls.
    /// @param period New period in seconds, at most MAX_UNBONDING_PERIOD.
    function setUnbondingPeriod(uint64 period) external onlyRole(GOVERNOR_ROLE) {
        if (period > MAX_UNBONDING_PERIOD) revert UnbondingPeriodTooLong(period);
        _storage().unbondingPeriod = period;
        emit UnbondingPeriodSet(period);
    }

    // ──────────────────────────────── Reads ────────────────────────────────

    /// @notice Smallest bond `join` accepts, in wei.
    function minBond() external view returns (uint256) {
        return _storage().minBond;
    }

    /// @notice Seconds between `leave` and `withdraw`.
    function unbondingPeriod() external view returns (uint64) {
        return _storage().unbondingPeriod;
    }

    /// @notice Number of records ever created (join order; Exited records included).
    function count() external view returns (uint256) {
        return _storage().accounts.length;
    }

    /// @notice The organization's aggregates in one call.
    function stats() external view returns (Stats memory) {
        return _storage().stats;
    }

    /// @notice Slashed wei credited to `account` and not yet claimed.
    /// @param account Who was credited.
    function creditOf(address account) external view returns (uint256) {
        return _storage().credits[account];
    }

    /// @notice Sum of all unclaimed credits.
    function totalCredits() external view returns (uint256) {
        return _storage().totalCredits;
    }

    /// @notice One record (status None and zero fields when `account` never joined).
    /// @param account The collaborator's address.
    function get(address account) external view returns (Collaborator memory) {
        return _storage().records[account];
    }

    /// @notice Several records in one call, in the order asked.
    /// @param accounts Addresses to read (at most MAX_PAGE_SIZE).
    function getMany(address[] calldata accounts) external view returns (Collaborator[] memory out) {
        if (accounts.length > MAX_PAGE_SIZE) revert InvalidPageSize(accounts.length);
        RegistryStorage storage $ = _storage();
        out = new Collaborator[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            out[i] = $.records[accounts[i]];
        }
    }

    /// @notice Whether `account` is Active and holds at least the minimum bond.
    /// @param account The collaborator's address.
    function isInGoodStanding(address account) external view returns (bool) {
        RegistryStorage storage $ = _storage();
        Collaborator storage c = $.records[account];
        return c.status == Status.Active && c.bond >= $.minBond;
    }

    /// @notice Whether `account` is Active with every bit of `kinds`.
    /// @param account The collaborator's address.
    /// @param kinds Kind bits required.
    function hasKinds(address account, uint8 kinds) external view returns (bool) {
        Collaborator storage c = _storage().records[account];
        return c.status == Status.Active && (c.kinds & kinds) == kinds;
    }

    /// @notice Records in join order from `offset`, at most `limit` (1..MAX_PAGE_SIZE) of them.
    /// @param offset Index of the first record.
    /// @param limit Largest number of records to return.
    function page(uint256 offset, uint256 limit) external view returns (Collaborator[] memory out) {
        if (limit == 0 || limit > MAX_PAGE_SIZE) revert InvalidPageSize(limit);
        RegistryStorage storage $ = _storage();
        uint256 total = $.accounts.length;
        if (offset >= total) return new Collaborator[](0);
        uint256 end = offset + limit > total ? total : offset + limit;
        out = new Collaborator[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            out[i - offset] = $.records[$.accounts[i]];
        }
    }

    // ─────────────────────────────── Internals ──────────────────────────────

    function _checkProfile(uint8 kinds, string calldata name, string calldata profileURI, string calldata sourceURI)
        private
        pure
    {
        if (kinds == 0 || kinds > ALL_KINDS) revert InvalidKinds(kinds);
        uint256 nameLength = bytes(name).length;
        if (nameLength == 0 || nameLength > MAX_NAME_LENGTH) revert InvalidName();
        if (bytes(profileURI).length > MAX_URI_LENGTH || bytes(sourceURI).length > MAX_URI_LENGTH) revert URITooLong();
    }

    function _countKinds(Stats storage s, uint8 kinds, bool add) private {
        for (uint256 bit; bit < 4; ++bit) {
            if (kinds & (1 << bit) != 0) {
                if (add) s.byKind[bit] += 1;
                else s.byKind[bit] -= 1;
            }
        }
    }

    function _send(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    function _storage() private pure returns (RegistryStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }
}
