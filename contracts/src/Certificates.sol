// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IERC5192} from "./interfaces/IERC5192.sol";

/// @notice What Certificates reads from the CollaboratorRegistry.
interface ICollaboratorStanding {
    /// @notice Whether `account` is Active and holds at least the minimum bond.
    function isInGoodStanding(address account) external view returns (bool);
    /// @notice Whether `account` is Active with every bit of `kinds`.
    function hasKinds(address account, uint8 kinds) external view returns (bool);
}

/// @title Certificates
/// @notice Soulbound (ERC-5192) ERC-721 certificates: a rating collaborator in good standing
/// certifies a service collaborator at bronze, silver or gold level until an expiry at most two
/// years ahead. The issuer or governance may revoke a certificate, giving a reason. A certificate
/// is valid while it is unexpired, unrevoked and its issuer is still in good standing in the
/// registry. Metadata (`tokenURI`) is on-chain JSON with an SVG badge.
/// @dev UUPS upgradeable, ERC-7201 namespaced storage. This is a minimal soulbound ERC-721 written
/// for this contract rather than OpenZeppelin's ERC721Upgradeable: OZ keeps an owner slot and a
/// balance slot per token/holder that a soulbound token does not need next to its own record
/// (an OZ-based soulbound issue was estimated at ~138k gas, over the 130k budget for `issue`;
/// this one measures ~92k, ~109k for a subject's first certificate). Here a
/// certificate is two storage slots — (issuer, level, revoked, expiresAt, issuedAt) and
/// (subject, previous certificate of the same subject) — plus one per-subject slot
/// (latest certificate id, count). The second slot links each subject's certificates into a list,
/// which serves both `certificatesOf` and ERC-721 `balanceOf` without a per-subject array.
/// The evidence URI lives in the `Issued` event only. Transfers and approvals always revert;
/// certificates are never burned.
contract Certificates is
    Initializable,
    AccessControlUpgradeable,
    UUPSUpgradeable,
    IERC721Metadata,
    IERC4906,
    IERC5192,
    IERC721Errors
{
    using Strings for uint256;

    // ─────────────────────────────── Types ───────────────────────────────

    /// @notice One certificate as returned by the reads. `valid` is computed at read time.
    struct Certificate {
        uint256 id;
        address subject;
        address issuer;
        uint8 level;
        bool revoked;
        uint64 issuedAt;
        uint64 expiresAt;
        bool valid;
    }

    /// @custom:storage-location erc7201:oso.storage.Certificates
    struct CertificatesStorage {
        /// The CollaboratorRegistry that says who may issue and whose certificates stay valid.
        address registry;
        /// Id of the latest certificate (ids start at 1).
        uint96 lastId;
        /// Packed record: issuer (bits 0–159), level (160–167), revoked (168), expiresAt (176–215), issuedAt (216–255).
        mapping(uint256 id => uint256) records;
        /// Packed owner: subject (bits 0–159), id of the subject's previous certificate (160–255, 0 = none).
        mapping(uint256 id => uint256) owners;
        /// Packed per subject: latest certificate id (bits 0–127), number of certificates (128–255).
        mapping(address subject => uint256) subjects;
    }

    // ────────────────────────────── Constants ─────────────────────────────

    /// @notice Certificate level 1.
    uint8 public constant LEVEL_BRONZE = 1;
    /// @notice Certificate level 2.
    uint8 public constant LEVEL_SILVER = 2;
    /// @notice Certificate level 3, the highest.
    uint8 public constant LEVEL_GOLD = 3;
    /// @notice Registry kind bit of the certified: offers services in the marketplace.
    uint8 public constant KIND_SERVICE = 1;
    /// @notice Registry kind bit of the issuer: rates service collaborators and issues certificates.
    uint8 public constant KIND_RATING = 2;
    /// @notice Longest a certificate may run, from its issue.
    uint256 public constant MAX_VALIDITY = 730 days;
    /// @notice Longest evidence URI, in bytes.
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @notice Longest revocation reason, in bytes.
    uint256 public constant MAX_REASON_LENGTH = 256;
    /// @notice Most ids a batch read accepts.
    uint256 public constant MAX_PAGE_SIZE = 500;

    /// @notice May revoke any certificate.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May upgrade the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");

    uint256 private constant LEVEL_SHIFT = 160;
    uint256 private constant REVOKED_BIT = 1 << 168;
    uint256 private constant EXPIRES_SHIFT = 176;
    uint256 private constant ISSUED_SHIFT = 216;
    uint256 private constant PREVIOUS_SHIFT = 160;
    uint256 private constant COUNT_SHIFT = 128;
    uint256 private constant LOW_128 = (1 << 128) - 1;

    // keccak256(abi.encode(uint256(keccak256("oso.storage.Certificates")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x6c9af50a10943013f342bd2efb25a5a6fa1e4b4cdd83d4cebd50e976f5026b00;

    // ─────────────────────────────── Events ───────────────────────────────

    /// @notice `issuer` certified `subject` at `level` until `expiresAt`; the evidence is at `evidenceURI`.
    event Issued(
        uint256 indexed id,
        address indexed issuer,
        address indexed subject,
        uint8 level,
        uint64 expiresAt,
        string evidenceURI
    );
    /// @notice `by` (the issuer or governance) revoked certificate `id`.
    event Revoked(uint256 indexed id, address indexed by, string reason);
    /// @notice The registry consulted for issuers and subjects is `registry`.
    event RegistrySet(address indexed registry);

    // ─────────────────────────────── Errors ───────────────────────────────

    /// @notice Certificates cannot be transferred or approved.
    error Soulbound();
    /// @notice The zero address where a real one is needed.
    error ZeroAddress();
    /// @notice The caller is not a rating collaborator in good standing.
    error NotCertifier(address caller);
    /// @notice The subject is not an active service collaborator.
    error NotServiceCollaborator(address subject);
    /// @notice An issuer cannot certify itself.
    error SelfCertification();
    /// @notice Level outside 1..3.
    error InvalidLevel(uint8 level);
    /// @notice Expiry not in the future or more than MAX_VALIDITY ahead.
    error InvalidExpiry(uint64 expiresAt);
    /// @notice The evidence URI is longer than 256 bytes.
    error URITooLong();
    /// @notice The reason is longer than 256 bytes.
    error ReasonTooLong();
    /// @notice Only the certificate's issuer or GOVERNOR_ROLE may revoke it.
    error NotIssuerOrGovernor(uint256 id, address caller);
    /// @notice The certificate is revoked already.
    error AlreadyRevoked(uint256 id);
    /// @notice A batch larger than MAX_PAGE_SIZE.
    error InvalidPageSize(uint256 size);

    // ──────────────────────────── Construction ────────────────────────────

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the proxy: `admin` receives the admin, governor and upgrader roles.
    /// @param admin Holder of the admin, governor and upgrader roles (the timelock, in time).
    /// @param registry_ The CollaboratorRegistry.
    function initialize(address admin, address registry_) external initializer {
        if (admin == address(0) || registry_ == address(0)) revert ZeroAddress();
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _grantRole(UPGRADER_ROLE, admin);
        _storage().registry = registry_;
        emit RegistrySet(registry_);
    }

    // ─────────────────────────────── Issuing ───────────────────────────────

    /// @notice Certify the service collaborator `to`. Only a rating collaborator (registry kind
    /// KIND_RATING) in good standing may issue, never to itself. Mints a locked token to `to`.
    /// @param to The certified service collaborator (registry kind KIND_SERVICE, Active).
    /// @param level LEVEL_BRONZE, LEVEL_SILVER or LEVEL_GOLD.
    /// @param expiresAt Unix time at which the certificate lapses: in the future, at most MAX_VALIDITY ahead.
    /// @param evidenceURI Where the assessment behind the certificate lives (≤ 256 bytes); kept in the event only.
    /// @return id The new certificate's token id.
    function issue(address to, uint8 level, uint64 expiresAt, string calldata evidenceURI)
        external
        returns (uint256 id)
    {
        if (to == msg.sender) revert SelfCertification();
        if (level == 0 || level > LEVEL_GOLD) revert InvalidLevel(level);
        if (expiresAt <= block.timestamp || expiresAt > block.timestamp + MAX_VALIDITY) {
            revert InvalidExpiry(expiresAt);
        }
        if (bytes(evidenceURI).length > MAX_URI_LENGTH) revert URITooLong();

        CertificatesStorage storage $ = _storage();
        ICollaboratorStanding registry_ = ICollaboratorStanding($.registry);
        if (!registry_.hasKinds(msg.sender, KIND_RATING) || !registry_.isInGoodStanding(msg.sender)) {
            revert NotCertifier(msg.sender);
        }
        if (!registry_.hasKinds(to, KIND_SERVICE)) revert NotServiceCollaborator(to);

        unchecked {
            id = uint256($.lastId) + 1;
        }
        $.lastId = uint96(id);
        $.records[id] = uint256(uint160(msg.sender)) | (uint256(level) << LEVEL_SHIFT)
            | (uint256(expiresAt) << EXPIRES_SHIFT) | (block.timestamp << ISSUED_SHIFT);
        uint256 subject = $.subjects[to];
        $.owners[id] = uint256(uint160(to)) | ((subject & LOW_128) << PREVIOUS_SHIFT);
        unchecked {
            $.subjects[to] = id | (((subject >> COUNT_SHIFT) + 1) << COUNT_SHIFT);
        }

        emit Transfer(address(0), to, id);
        emit Locked(id);
        emit Issued(id, msg.sender, to, level, expiresAt, evidenceURI);
    }

    /// @notice Revoke certificate `id`. Only its issuer or GOVERNOR_ROLE; the token stays with its
    /// subject, marked revoked (and no longer valid).
    /// @param id The certificate.
    /// @param reason Short public reason (≤ 256 bytes), shown in the app.
    function revoke(uint256 id, string calldata reason) external {
        if (bytes(reason).length > MAX_REASON_LENGTH) revert ReasonTooLong();
        CertificatesStorage storage $ = _storage();
        uint256 record = $.records[id];
        if (record == 0) revert ERC721NonexistentToken(id);
        if (msg.sender != address(uint160(record)) && !hasRole(GOVERNOR_ROLE, msg.sender)) {
            revert NotIssuerOrGovernor(id, msg.sender);
        }
        if (record & REVOKED_BIT != 0) revert AlreadyRevoked(id);
        $.records[id] = record | REVOKED_BIT;
        emit Revoked(id, msg.sender, reason);
        emit MetadataUpdate(id);
    }

    // ───────────────────────────── Certificate reads ─────────────────────────────

    /// @notice The CollaboratorRegistry consulted for issuers and subjects.
    function registry() external view returns (address) {
        return _storage().registry;
    }

    /// @notice Number of certificates ever issued (ids run 1..totalIssued).
    function totalIssued() external view returns (uint256) {
        return _storage().lastId;
    }

    /// @notice Whether certificate `id` is valid now: it exists, is not revoked, has not expired
    /// (block.timestamp < expiresAt) and its issuer is in good standing in the registry.
    /// False for ids that do not exist.
    /// @param id The certificate.
    function isValid(uint256 id) public view returns (bool) {
        CertificatesStorage storage $ = _storage();
        return _isValid($, $.records[id]);
    }

    /// @notice One certificate, with its current validity.
    /// @param id The certificate (reverts when it does not exist).
    function getCertificate(uint256 id) external view returns (Certificate memory) {
        return _certificate(_storage(), id);
    }

    /// @notice Several certificates with their current validity, in the order asked.
    /// @param ids At most MAX_PAGE_SIZE existing ids.
    function getCertificates(uint256[] calldata ids) external view returns (Certificate[] memory out) {
        if (ids.length > MAX_PAGE_SIZE) revert InvalidPageSize(ids.length);
        CertificatesStorage storage $ = _storage();
        out = new Certificate[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            out[i] = _certificate($, ids[i]);
        }
    }

    /// @notice Ids of every certificate `subject` holds, oldest first (revoked and expired included).
    /// @param subject Any address.
    function certificatesOf(address subject) external view returns (uint256[] memory ids) {
        CertificatesStorage storage $ = _storage();
        uint256 packed = $.subjects[subject];
        uint256 n = packed >> COUNT_SHIFT;
        ids = new uint256[](n);
        uint256 id = packed & LOW_128;
        while (n != 0) {
            unchecked {
                --n;
            }
            ids[n] = id;
            id = $.owners[id] >> PREVIOUS_SHIFT;
        }
    }

    /// @notice Display name of a level: "Bronze", "Silver" or "Gold".
    /// @param level 1..3.
    function levelName(uint8 level) public pure returns (string memory) {
        if (level == LEVEL_BRONZE) return "Bronze";
        if (level == LEVEL_SILVER) return "Silver";
        if (level == LEVEL_GOLD) return "Gold";
        revert InvalidLevel(level);
    }

    // ───────────────────────────── ERC-721 / ERC-5192 ─────────────────────────────

    /// @notice ERC-721 collection name.
    function name() external pure returns (string memory) {
        return "OSO Certificates";
    }

    /// @notice ERC-721 collection symbol.
    function symbol() external pure returns (string memory) {
        return "OSOC";
    }

    /// @notice Number of certificates `owner` holds.
    /// @param owner Any non-zero address.
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _storage().subjects[owner] >> COUNT_SHIFT;
    }

    /// @notice The subject certificate `tokenId` was issued to (forever: certificates never move).
    /// @param tokenId An existing certificate.
    function ownerOf(uint256 tokenId) public view returns (address owner) {
        owner = address(uint160(_storage().owners[tokenId]));
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    /// @notice ERC-5192: always true — every certificate is locked from its mint.
    /// @param tokenId An existing certificate.
    function locked(uint256 tokenId) external view returns (bool) {
        ownerOf(tokenId);
        return true;
    }

    /// @notice Nobody is ever approved for a certificate.
    /// @param tokenId An existing certificate.
    function getApproved(uint256 tokenId) external view returns (address) {
        ownerOf(tokenId);
        return address(0);
    }

    /// @notice No operator is ever approved.
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @notice Always reverts: certificates are soulbound.
    function approve(address, uint256) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts: certificates are soulbound.
    function setApprovalForAll(address, bool) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts: certificates are soulbound.
    function transferFrom(address, address, uint256) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts: certificates are soulbound.
    function safeTransferFrom(address, address, uint256) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts: certificates are soulbound.
    function safeTransferFrom(address, address, uint256, bytes calldata) external pure {
        revert Soulbound();
    }

    /// @notice On-chain metadata: data:application/json;base64 JSON with name, description, an SVG
    /// badge and attributes Level, Issuer, Subject, Issued, Expires, Revoked, Valid.
    /// @param tokenId An existing certificate.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        Certificate memory c = _certificate(_storage(), tokenId);
        string memory level = levelName(c.level);
        string memory json = string.concat(
            '{"name":"OSO ',
            level,
            " Certificate #",
            tokenId.toString(),
            '","description":"Soulbound certificate of the Open Source Organization: a rating collaborator certified this service collaborator at ',
            level,
            ' level. Valid while unexpired, unrevoked and its issuer is in good standing.","image":"data:image/svg+xml;base64,',
            Base64.encode(bytes(_svg(c, level))),
            '","attributes":',
            _attributes(c, level),
            "}"
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
    }

    /// @notice ERC-165: ERC-721, ERC-721 Metadata, ERC-4906, ERC-5192 and AccessControl.
    /// @param interfaceId The interface id.
    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(AccessControlUpgradeable, IERC165)
        returns (bool)
    {
        return interfaceId == type(IERC721).interfaceId || interfaceId == type(IERC721Metadata).interfaceId
            || interfaceId == bytes4(0x49064906) // ERC-4906
            || interfaceId == type(IERC5192).interfaceId || super.supportsInterface(interfaceId);
    }

    // ─────────────────────────────── Internals ──────────────────────────────

    function _isValid(CertificatesStorage storage $, uint256 record) private view returns (bool) {
        if (record == 0 || record & REVOKED_BIT != 0) return false;
        if (block.timestamp >= uint40(record >> EXPIRES_SHIFT)) return false;
        return ICollaboratorStanding($.registry).isInGoodStanding(address(uint160(record)));
    }

    function _certificate(CertificatesStorage storage $, uint256 id) private view returns (Certificate memory c) {
        uint256 record = $.records[id];
        if (record == 0) revert ERC721NonexistentToken(id);
        c.id = id;
        c.subject = address(uint160($.owners[id]));
        c.issuer = address(uint160(record));
        c.level = uint8(record >> LEVEL_SHIFT);
        c.revoked = record & REVOKED_BIT != 0;
        c.expiresAt = uint40(record >> EXPIRES_SHIFT);
        c.issuedAt = uint40(record >> ISSUED_SHIFT);
        c.valid = _isValid($, record);
    }

    function _attributes(Certificate memory c, string memory level) private pure returns (string memory) {
        return string.concat(
            '[{"trait_type":"Level","value":"',
            level,
            '"},{"trait_type":"Issuer","value":"',
            Strings.toChecksumHexString(c.issuer),
            '"},{"trait_type":"Subject","value":"',
            Strings.toChecksumHexString(c.subject),
            '"},{"trait_type":"Issued","display_type":"date","value":',
            uint256(c.issuedAt).toString(),
            '},{"trait_type":"Expires","display_type":"date","value":',
            uint256(c.expiresAt).toString(),
            '},{"trait_type":"Revoked","value":"',
            c.revoked ? "true" : "false",
            '"},{"trait_type":"Valid","value":"',
            c.valid ? "true" : "false",
            '"}]'
        );
    }

    function _svg(Certificate memory c, string memory level) private pure returns (string memory) {
        string memory color = "#cd7f32";
        if (c.level == LEVEL_SILVER) color = "#b8c2cc";
        else if (c.level == LEVEL_GOLD) color = "#d4a017";
        string memory status = "NOT VALID";
        if (c.valid) status = "VALID";
        else if (c.revoked) status = "REVOKED";
        return string.concat(
            '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320">',
            '<rect width="320" height="320" rx="24" fill="#0f172a"/><circle cx="160" cy="132" r="76" fill="',
            color,
            '"/><text x="160" y="142" font-family="sans-serif" font-size="30" font-weight="bold" text-anchor="middle" fill="#0f172a">',
            level,
            '</text><text x="160" y="252" font-family="sans-serif" font-size="18" text-anchor="middle" fill="#e2e8f0">OSO Certificate #',
            c.id.toString(),
            '</text><text x="160" y="284" font-family="sans-serif" font-size="14" text-anchor="middle" fill="#94a3b8">',
            status,
            "</text></svg>"
        );
    }

    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    function _storage() private pure returns (CertificatesStorage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }
}
