// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {MarketplaceTestBase} from "./utils/MarketplaceTestBase.sol";
import {MarketplaceV2Mock} from "./mocks/MarketplaceMocks.sol";
import {UUPSUpgradeChecks} from "./utils/UUPSUpgradeChecks.sol";

contract MarketplaceUpgradeTest is MarketplaceTestBase, UUPSUpgradeChecks {
    MarketplaceV2Mock internal v2Implementation;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal GOVERNOR_ROLE;

    uint256 internal ordered;
    uint256 internal delivered;
    uint256 internal disputed;
    uint256 internal settled;
    uint256 internal refunded;

    function _newV1Implementation() internal override returns (address) {
        return address(new Marketplace());
    }

    function setUp() public {
        _deployMarketDefault();
        v2Implementation = new MarketplaceV2Mock();
        UPGRADER_ROLE = market.UPGRADER_ROLE();
        GOVERNOR_ROLE = market.GOVERNOR_ROLE();
        address[] memory nonUpgraders = new address[](3);
        nonUpgraders[0] = stranger;
        nonUpgraders[1] = court;
        nonUpgraders[2] = alice;
        _useUpgradeChecks(
            address(market),
            address(marketImplementation),
            address(v2Implementation),
            admin,
            carol,
            nonUpgraders,
            abi.encodeCall(
                Marketplace.initialize, (stranger, address(registry), address(reputation), treasury, 0, 1 days)
            )
        );
    }

    /// A market with services, orders in every open state, credits, fees and changed parameters.
    function _populate() internal {
        uint256 a = _list(alice, 1 ether, 1 days);
        uint256 b = _list(bob, 0.3 ether, 2 days);
        vm.prank(bob);
        market.setServiceActive(b, false);
        vm.prank(bob);
        market.setServiceActive(b, true);
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
        vm.startPrank(admin);
        market.setFee(500);
        market.setReviewWindow(1 days);
        market.grantRole(GOVERNOR_ROLE, court);
        market.setDisputeSlash(0.001 ether);
        vm.stopPrank();
    }

    /// The dispute wiring appended to the storage for the court: arbitrator, slash, references.
    function _disputeSnapshot() internal view returns (bytes memory) {
        return abi.encode(
            market.arbitrator(),
            market.disputeSlash(),
            market.disputeOf(disputed),
            market.orderOfDispute(address(arbitrator), market.disputeOf(disputed).disputeId)
        );
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
            market.creditOf(carol),
            market.creditOf(dave),
            market.creditOf(treasury),
            abi.encode(
                market.serviceCount(), market.orderCount(), market.totalOwed(), market.accruedFees(), _disputeSnapshot()
            ),
            abi.encode(
                market.feeBps(), market.reviewWindow(), market.treasury(), market.registry(), market.reputation()
            ),
            address(market).balance
        );
    }

    function _upgradeToV2() internal returns (MarketplaceV2Mock v2) {
        vm.prank(admin);
        market.upgradeToAndCall(address(v2Implementation), "");
        v2 = MarketplaceV2Mock(address(market));
    }

    function test_upgrade_toV2KeepsAllState() public {
        _populate();
        bytes memory before = _snapshot();

        vm.expectEmit(address(market));
        emit IERC1967.Upgraded(address(v2Implementation));
        MarketplaceV2Mock v2 = _upgradeToV2();

        assertEq(v2.version(), "2");
        assertEq(_implementationOf(address(market)), address(v2Implementation));
        assertEq(keccak256(_snapshot()), keccak256(before), "services, orders, credits, parameters unchanged");

        assertTrue(v2.hasRole(0x00, admin));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(v2.hasRole(UPGRADER_ROLE, admin));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, court));
        assertFalse(v2.hasRole(UPGRADER_ROLE, court));
    }

    function test_upgrade_openOrdersFinishAfterUpgrade() public {
        _populate();
        MarketplaceV2Mock v2 = _upgradeToV2();
        uint256 fee = _fee(1 ether, FEE_BPS); // snapshotted before the fee change

        _rule(disputed, IMarketplace.Ruling.Seller);
        _deliver(ordered);
        vm.warp(block.timestamp + REVIEW_WINDOW);
        v2.release(delivered);
        _accept(ordered);

        assertEq(v2.creditOf(alice), 3 * (1 ether - fee));
        assertEq(v2.creditOf(bob), 0.3 ether - _fee(0.3 ether, FEE_BPS));
        assertEq(v2.accountOf(alice).sales, 3);

        // New orders use the parameters set before the upgrade.
        uint256 fresh = _order(dave, 1);
        assertEq(v2.getOrder(fresh).feeBps, 500);
        assertEq(v2.getOrder(fresh).reviewWindow, 1 days);
        assertEq(fresh, 6);
        assertEq(_list(alice, 1, 1 minutes), 3);

        // Everyone withdraws everything but the new order's escrow.
        _withdrawFrom(alice);
        _withdrawFrom(bob);
        _withdrawFrom(dave);
        _withdrawFrom(treasury);
        assertEq(address(market).balance, 1 ether);
        assertEq(v2.totalOwed(), 1 ether);
    }
}
