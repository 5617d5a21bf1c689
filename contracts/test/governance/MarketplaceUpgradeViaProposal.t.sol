// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {Marketplace} from "../../src/Marketplace.sol";
import {MarketplaceV2} from "../../src/MarketplaceV2.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {MarketplaceTestBase} from "../utils/MarketplaceTestBase.sol";
import {MarketplaceReputationMock} from "../mocks/MarketplaceMocks.sol";
import {ArbitratorMock} from "../mocks/ArbitratorMock.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

/// A live Marketplace owned by the timelock, full of services, orders in every open state,
/// credits and fees, is upgraded to MarketplaceV2 by a council proposal; everything survives and
/// the open orders finish under V2.
contract MarketplaceUpgradeViaProposalTest is MarketplaceTestBase, GovernanceTestBase {
    string internal constant TERMS_URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    bytes32 internal constant TERMS_HASH = keccak256("OSO marketplace terms, v1");
    string internal constant UPGRADE = "Upgrade the marketplace to V2: published terms of service";

    MarketplaceV2 internal v2Implementation;
    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal UPGRADER_ROLE;
    /// The arbitrator governance appoints in `_populate`; `arbitrator` (from deployment) keeps
    /// the disputes filed with it.
    ArbitratorMock internal nextArbitrator;

    uint256 internal ordered;
    uint256 internal delivered;
    uint256 internal disputed;
    uint256 internal settled;
    uint256 internal refunded;

    function setUp() public {
        _deployGovernance();
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(council))));

        // The market belongs to the timelock: every role, and the fees.
        reputation = new MarketplaceReputationMock();
        _deployDefault();
        (marketImplementation, market) = _deployMarket(
            address(constitution), address(registry), address(reputation), address(constitution), FEE_BPS, REVIEW_WINDOW
        );
        reputation.setMarket(address(market));
        // Wired at deployment, before the hand-over: the market's first arbitrator.
        arbitrator = new ArbitratorMock();
        nextArbitrator = new ArbitratorMock();
        vm.prank(address(constitution));
        market.setArbitrator(arbitrator);
        _join(alice, 1, MIN_BOND);
        _join(bob, 1 | 2, MIN_BOND);
        _join(dave, 2, MIN_BOND);
        GOVERNOR_ROLE = market.GOVERNOR_ROLE();
        UPGRADER_ROLE = market.UPGRADER_ROLE();
        v2Implementation = new MarketplaceV2();
    }

    /// Services, orders in every state, credits, accrued fees, parameters changed by a proposal.
    function _populate() internal {
        uint256 a = _list(alice, 1 ether, 1 days);
        uint256 b = _list(bob, 0.3 ether, 30 days);
        settled = _order(carol, a);
        _deliver(settled);
        _accept(settled);
        refunded = _order(dave, b);
        vm.prank(bob);
        market.cancel(refunded);
        ordered = _order(carol, b);
        delivered = _order(dave, a);
        _deliver(delivered);
        disputed = _order(carol, a);
        _deliver(disputed);
        _dispute(disputed);

        address[] memory t = new address[](3);
        uint256[] memory v = new uint256[](3);
        bytes[] memory d = new bytes[](3);
        (t[0], t[1], t[2]) = (address(market), address(market), address(market));
        d[0] = abi.encodeCall(Marketplace.setFee, (500));
        d[1] = abi.encodeCall(Marketplace.setReviewWindow, (1 days));
        d[2] = abi.encodeCall(Marketplace.setArbitrator, (nextArbitrator));
        _pass(council, member1, _members(), t, v, d, "Fee 5%, one-day reviews, a new arbitrator for new disputes");
    }

    function _snapshot() internal view returns (bytes memory) {
        uint256[] memory ids = new uint256[](6);
        for (uint256 i; i < 6; ++i) {
            ids[i] = i;
        }
        return abi.encode(
            market.servicePage(0, 500),
            market.getOrders(ids),
            market.servicesOf(alice),
            market.servicesOf(bob),
            market.accountOf(alice),
            market.accountOf(bob),
            abi.encode(market.creditOf(carol), market.creditOf(dave), market.creditOf(address(constitution))),
            abi.encode(market.serviceCount(), market.orderCount(), market.totalOwed(), market.accruedFees()),
            abi.encode(
                market.feeBps(), market.reviewWindow(), market.treasury(), market.registry(), market.reputation()
            ),
            address(market).balance
        );
    }

    function _upgradeCall() internal view returns (address[] memory, uint256[] memory, bytes[] memory) {
        return _one(
            address(market),
            abi.encodeCall(
                UUPSUpgradeable.upgradeToAndCall,
                (address(v2Implementation), abi.encodeCall(MarketplaceV2.initializeV2, (TERMS_URI, TERMS_HASH)))
            )
        );
    }

    function _implementationOf(address proxy) internal view returns (address) {
        return address(uint160(uint256(vm.load(proxy, ERC1967Utils.IMPLEMENTATION_SLOT))));
    }

    function test_upgradeViaProposal_keepsAllStateAndOpenOrdersFinish() public {
        _populate();
        bytes memory before = _snapshot();

        (address[] memory t, uint256[] memory v, bytes[] memory d) = _upgradeCall();
        uint256 id = _proposeAndVote(council, member2, _members(), t, v, d, UPGRADE);
        vm.warp(council.proposalDeadline(id) + 1);
        council.queue(t, v, d, keccak256(bytes(UPGRADE)));
        // Announced, not yet done: everyone has the timelock's delay to look at V2 (or leave).
        assertEq(_implementationOf(address(market)), address(marketImplementation));
        vm.warp(block.timestamp + MIN_DELAY);
        vm.expectEmit(address(market));
        emit IERC1967.Upgraded(address(v2Implementation));
        vm.expectEmit(address(market));
        emit MarketplaceV2.TermsSet(TERMS_URI, TERMS_HASH);
        council.execute(t, v, d, keccak256(bytes(UPGRADE)));

        MarketplaceV2 v2 = MarketplaceV2(address(market));
        assertEq(_implementationOf(address(market)), address(v2Implementation));
        assertEq(v2.version(), "2");
        (string memory uri, bytes32 hash) = v2.terms();
        assertEq(uri, TERMS_URI);
        assertEq(hash, TERMS_HASH);
        assertEq(keccak256(_snapshot()), keccak256(before), "services, orders, credits, parameters unchanged");
        assertTrue(v2.hasRole(0x00, address(constitution)));
        assertTrue(v2.hasRole(UPGRADER_ROLE, address(constitution)));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, address(constitution)));
        assertEq(v2.arbitrator(), address(nextArbitrator));

        // The open orders finish under V2; the pending dispute is ruled by the arbitrator it was filed with.
        _rule(disputed, IMarketplace.Ruling.Seller);
        _deliver(ordered);
        _accept(ordered);
        v2.release(delivered);
        uint256 fee = _fee(1 ether, FEE_BPS); // the fee in force when they were ordered
        assertEq(v2.creditOf(alice), 3 * (1 ether - fee));
        assertEq(v2.creditOf(bob), 0.3 ether - _fee(0.3 ether, FEE_BPS));
        assertEq(v2.accountOf(alice).sales, 3);
        // New orders take the parameters governance set before the upgrade.
        uint256 fresh = _order(dave, 1);
        assertEq(v2.getOrder(fresh).feeBps, 500);
        assertEq(v2.getOrder(fresh).reviewWindow, 1 days);

        // The treasury is the timelock: its fees are withdrawn by a proposal too.
        uint256 fees = v2.creditOf(address(constitution));
        assertEq(fees, 3 * fee + _fee(0.3 ether, FEE_BPS));
        _councilPass(address(market), abi.encodeCall(Marketplace.withdraw, ()), "Collect the marketplace fees");
        assertEq(address(constitution).balance, fees);
        _withdrawFrom(alice);
        _withdrawFrom(bob);
        _withdrawFrom(dave);
        assertEq(address(market).balance, 1 ether, "only the fresh order's escrow is left");
        assertEq(v2.totalOwed(), 1 ether);
    }

    function test_upgrade_onlyThroughTheTimelock() public {
        address[5] memory accounts = [deployer, monarch, member1, admin, address(council)];
        for (uint256 i; i < accounts.length; ++i) {
            vm.prank(accounts[i]);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, accounts[i], UPGRADER_ROLE
                )
            );
            market.upgradeToAndCall(address(v2Implementation), "");
        }

        (address[] memory t, uint256[] memory v, bytes[] memory d) = _upgradeCall();
        _pass(council, member1, _members(), t, v, d, UPGRADE);
        // Once initialized, V2 cannot be initialized again, nor its implementation at all.
        vm.prank(address(constitution));
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        MarketplaceV2(address(market)).initializeV2("ipfs://other", bytes32(0));
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        v2Implementation.initializeV2("ipfs://other", bytes32(0));
    }

    function test_noAccountButTheTimelockHoldsAMarketRole() public view {
        bytes32[3] memory roles = [bytes32(0), GOVERNOR_ROLE, UPGRADER_ROLE];
        address[] memory known = _knownAccounts();
        for (uint256 r; r < roles.length; ++r) {
            assertTrue(market.hasRole(roles[r], address(constitution)), "the timelock holds it");
            for (uint256 i; i < known.length; ++i) {
                if (known[i] == address(constitution)) continue;
                assertFalse(market.hasRole(roles[r], known[i]), "nobody else does");
            }
            assertFalse(market.hasRole(roles[r], admin));
            assertFalse(market.hasRole(roles[r], address(this)));
        }
    }

    function test_v2_termsChangeOnlyByGovernance() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _upgradeCall();
        _pass(council, member1, _members(), t, v, d, UPGRADE);
        MarketplaceV2 v2 = MarketplaceV2(address(market));

        vm.prank(member1);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, member1, GOVERNOR_ROLE)
        );
        v2.setTerms("ipfs://mine", bytes32(uint256(1)));

        _councilPass(
            address(market), abi.encodeCall(MarketplaceV2.setTerms, ("ipfs://terms-v2", keccak256("v2"))), "Terms v2"
        );
        (string memory uri, bytes32 hash) = v2.terms();
        assertEq(uri, "ipfs://terms-v2");
        assertEq(hash, keccak256("v2"));

        _asTimelock();
        vm.expectRevert(Marketplace.URITooLong.selector);
        v2.setTerms(_repeat("x", 257), bytes32(0));
    }
}
